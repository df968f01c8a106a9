import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// How `--db` and the config's `store:` entry name a store, and what they refuse.
@Suite("Store address")
struct StoreAddressTests {
    @Test("A path names a file; a postgres URL names a server, its parts read as libpq reads them")
    func parsing() throws {
        #expect(try StoreAddress.parse("/var/lib/triage/triage.sqlite", password: .none) == .file("/var/lib/triage/triage.sqlite"))
        #expect(try StoreAddress.parse("relative:name.sqlite", password: .none) == .file("relative:name.sqlite"))
        let full = try StoreAddress.parse("postgres://triage@db.example.net:6432/record?sslmode=require", password: .environment("PGPW"))
        #expect(full == .postgres(PostgresSettings(host: "db.example.net", port: 6432, user: "triage", database: "record",
                                                   password: .environment("PGPW"), tls: .require)))
        #expect(full.location == "postgres://triage@db.example.net:6432/record")
        let plain = try StoreAddress.parse("postgresql://ops@10.0.0.5/triage", password: .none)
        #expect(plain == .postgres(PostgresSettings(host: "10.0.0.5", port: 5432, user: "ops", database: "triage", tls: .prefer)))
        let disabled = try PostgresSettings(url: "postgres://ops@localhost/triage?sslmode=disable", password: .file("/etc/pw"))
        #expect(disabled.tls == .disable && disabled.password == .file("/etc/pw"))
    }

    @Test("A password in the URL is refused without echoing it, naming where passwords go",
          arguments: ["postgres://triage:hunter2-secret@db/record", "postgres://triage@db/record?password=hunter2-secret"])
    func passwordInURL(url: String) {
        let error = #expect(throws: StoreAddressError.self) { try StoreAddress.parse(url, password: .none) }
        let text = "\(error?.message ?? "") \(error?.remedy ?? "")"
        #expect(!text.contains("hunter2"))
        #expect(text.contains("store.password_file") && text.contains("store.password_env"))
        #expect(error?.kind == .usage)
    }

    @Test("A bad URL, an unknown sslmode, a missing database, user or host: each says what is wrong",
          arguments: [
              ("postgres://triage@db/record?sslmode=verify-full", "sslmode 'verify-full'"),
              ("postgres://triage@db", "names no database"),
              ("postgres://triage@db/", "names no database"),
              ("postgres://db/record", "names no user"),
              ("postgres://triage@/record", "names no host"),
              ("postgres://triage@db/record?connect_timeout=3", "unknown parameter 'connect_timeout'"),
              ("mysql://triage@db/record", "mysql://"),
              ("postgres://triage@db:99999/record", "port 99999 is out of range"),
              ("postgres://triage@db:port/record", "not a postgres:// URL"),
          ])
    func refusals(url: String, expected: String) {
        let error = #expect(throws: StoreAddressError.self) { try StoreAddress.parse(url, password: .none) }
        #expect(error?.message.contains(expected) == true, "\(url): \(error?.message ?? "no error")")
    }

    @Test("The config's store: url with a password source; path and url together, or two password sources, are refused")
    func configuration() throws {
        let folder = try TemporaryDirectory(prefix: "triage-store-config")
        defer { folder.remove() }
        let server = try CLIFiles.write("""
            store:
              url: postgres://triage@db.example.net/record?sslmode=require
              password_file: /etc/triage/pg.password
            """, to: "server.yaml", in: folder)
        let configuration = try TriageConfiguration.load(path: server)
        #expect(configuration.storeURL == PostgresSettings(host: "db.example.net", user: "triage", database: "record",
                                                           password: .file("/etc/triage/pg.password"), tls: .require))
        #expect(configuration.storePath == nil && configuration.storePassword == .file("/etc/triage/pg.password"))

        let passwordOnly = try CLIFiles.write("store: {password_env: TRIAGE_PG}\n", to: "env.yaml", in: folder)
        #expect(try TriageConfiguration.load(path: passwordOnly).storePassword == .environment("TRIAGE_PG"))

        let cases = [
            ("store:\n  path: /tmp/t.sqlite\n  url: postgres://t@db/r\n", "store.path and store.url"),
            ("store: {url: 'postgres://t@db/r', password_file: /a, password_env: B}\n", "password_file or password_env"),
            ("store: {url: 'postgres://t:pw-in-config@db/r'}\n", "store.password_file"),
            ("store: {url: 'postgres://t@db/r?sslmode=allow'}\n", "sslmode 'allow'"),
            ("store: {password: x}\n", "secrets never go in the config"),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let file = try CLIFiles.write(text, to: "bad\(index).yaml", in: folder)
            let error = #expect(throws: ConfigurationError.self) { try TriageConfiguration.load(path: file) }
            #expect(error?.message.contains(expected) == true, "\(text): \(error?.message ?? "no error")")
            #expect(error?.message.contains("pw-in-config") == false)
        }
    }

    @Test("The CLI refuses a password in --db, an unknown sslmode, and path with url (exit 2), before any connection")
    func commandLine() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store-cli")
        defer { folder.remove() }
        let triage = TriageExecutable.path
        let inURL = try await CommandRunner.run(triage, ["orders", "list", "--db", "postgres://triage:hunter2-secret@127.0.0.1/record"],
                                                checked: false)
        #expect(inURL.status == 2, "\(inURL.stderr)")
        #expect(inURL.stderr.contains("store.password_file") && !inURL.stderr.contains("hunter2") && !inURL.stdout.contains("hunter2"))

        let badMode = try await CommandRunner.run(triage, ["store", "info", "--db", "postgres://triage@127.0.0.1/record?sslmode=maybe"],
                                                  checked: false)
        #expect(badMode.status == 2 && badMode.stderr.contains("sslmode 'maybe'"), "\(badMode.stderr)")

        let both = try CLIFiles.write("store:\n  path: \(folder.url.path)/t.sqlite\n  url: postgres://triage@127.0.0.1/record\n",
                                      to: "both.yaml", in: folder)
        let refused = try await CommandRunner.run(triage, ["store", "info", "--config", both], checked: false)
        #expect(refused.status == 2 && refused.stderr.contains("store.path and store.url"), "\(refused.stderr)")
    }
}
