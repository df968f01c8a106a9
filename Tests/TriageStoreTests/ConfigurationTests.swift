import Foundation
import Testing
import TriageActions
import TriageCore
import TriageTestSupport

@Suite("Config file")
struct ConfigurationTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    @Test("The example config reads as documented")
    func example() throws {
        let configuration = try TriageConfiguration.load(path: Self.examples.appendingPathComponent("triage.yaml").path)
        #expect(configuration.sink == .local)
        #expect(configuration.evidenceRetentionDays == 90)
        #expect(configuration.storePath == nil)
    }

    @Test("Each sink with its settings; secrets as references")
    func sinks() throws {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let rt = try CLIFiles.write("""
            store: {path: /tmp/x.sqlite, evidence_retention_days: forever}
            sink: rt
            rt: {url: "http://127.0.0.1:8080", queue: Third-Level, token_env: RT_TOKEN}
            """, to: "rt.yaml", in: folder)
        let configuration = try TriageConfiguration.load(path: rt)
        #expect(configuration.storePath == "/tmp/x.sqlite" && configuration.evidenceRetentionDays == nil)
        guard case .requestTracker(let settings) = configuration.sink else { Issue.record("not rt"); return }
        #expect(settings.queue == "Third-Level" && settings.orderQueue == "Third-Level" && settings.token == .environment("RT_TOKEN"))

        let both = try CLIFiles.write("sink: webhook\nwebhook: {url: 'http://h/', secret_file: a, secret_env: B}\n", to: "w.yaml", in: folder)
        #expect(throws: ConfigurationError.self) { try TriageConfiguration.load(path: both) }
        let ftp = try CLIFiles.write("sink: webhook\nwebhook: {url: 'ftp://h/', secret_env: B}\n", to: "f.yaml", in: folder)
        #expect(throws: ConfigurationError.self) { try TriageConfiguration.load(path: ftp) }
        let unknownSink = try CLIFiles.write("sink: email\n", to: "e.yaml", in: folder)
        #expect(throws: ConfigurationError.self) { try TriageConfiguration.load(path: unknownSink) }
    }

    /// A config whose line 6 is `key: value` in the webhook or rt section; for `store`, line 2 is
    /// `evidence_retention_days: value`.
    static func numberConfig(_ section: String, _ key: String, _ value: String) -> String {
        let sink = section == "rt" ? "rt" : "webhook"
        let retention = section == "store" ? value : "90"
        let setting = section == "store" ? "timeout_seconds: 5" : "\(key): \(value)"
        let rest = sink == "rt" ? "queue: Third-Level\n  token_env: RT_TOKEN" : "secret_env: HOOK_SECRET"
        return """
            store:
              evidence_retention_days: \(retention)
            sink: \(sink)
            \(sink):
              url: http://127.0.0.1:9/x
              \(setting)
              \(rest)
            """
    }

    @Test("Every number in the config has a range; a value outside it is refused with file:line and the range",
          arguments: [
              ("webhook", "backoff_seconds", "inf", "must be a number of seconds from 0 to 60"),
              ("webhook", "backoff_seconds", "1e300", "must be a number of seconds from 0 to 60"),
              ("webhook", "backoff_seconds", "1e10", "must be a number of seconds from 0 to 60"),
              ("webhook", "backoff_seconds", "nan", "must be a number of seconds from 0 to 60"),
              ("webhook", "timeout_seconds", "9223372036854775807", "must be a number of seconds from 1 to 300"),
              ("webhook", "timeout_seconds", "0", "must be a number of seconds from 1 to 300"),
              ("webhook", "deadline_seconds", "-inf", "must be a number of seconds from 1 to 3600"),
              ("webhook", "attempts", "1000000", "must be a whole number of tries from 1 to 10"),
              ("webhook", "attempts", "99999999999999999999", "must be a whole number of tries from 1 to 10"),
              ("rt", "timeout_seconds", "1e300", "must be a number of seconds from 1 to 300"),
              ("rt", "deadline_seconds", "86400", "must be a number of seconds from 1 to 3600"),
              ("store", "evidence_retention_days", "9223372036854775807", "must be a whole number of days from 1 to 36500, or 'forever'"),
          ])
    func numbersOutOfRange(section: String, key: String, value: String, expected: String) throws {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let path = try CLIFiles.write(Self.numberConfig(section, key, value), to: "triage.yaml", in: folder)
        let line = section == "store" ? 2 : 6
        let error = try #require(throws: ConfigurationError.self) { try TriageConfiguration.load(path: path) }
        #expect(error.line == line)
        #expect(error.description == "config \(path):\(line): \(section).\(key) \(expected)", "\(error)")
    }

    @Test("Values at the ends of their ranges are accepted")
    func numbersInRange() throws {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let path = try CLIFiles.write("""
            store: {evidence_retention_days: 36500}
            sink: webhook
            webhook: {url: "http://127.0.0.1:9/x", secret_env: S, attempts: 10, timeout_seconds: 3e2, backoff_seconds: 0,
                      deadline_seconds: 3600}
            """, to: "ends.yaml", in: folder)
        let configuration = try TriageConfiguration.load(path: path)
        guard case .webhook(let webhook) = configuration.sink else { Issue.record("not webhook"); return }
        #expect(webhook.attempts == 10 && webhook.timeout == 300 && webhook.backoff == 0 && webhook.deadline == 3600)
        #expect(configuration.evidenceRetentionDays == 36500)
    }

    @Test("triage itself refuses an out-of-range number with the config's file:line, and exits instead of trapping")
    func numbersThroughTheBinary() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let path = try CLIFiles.write(Self.numberConfig("webhook", "backoff_seconds", "inf"), to: "triage.yaml", in: folder)
        let db = folder.url.appendingPathComponent("triage.sqlite").path
        let result = try await CommandRunner.run(TriageExecutable.path, ["outbox", "deliver", "--db", db, "--config", path], checked: false)
        #expect(result.status == 2, "a usage error, not a trap (\(result.status)): \(result.stderr)")
        #expect(result.stderr.contains("config \(path):6: webhook.backoff_seconds must be a number of seconds from 0 to 60"), "\(result.stderr)")
    }

    @Test("Credentials in a sink URL are refused, and the error does not repeat them", arguments: [
        "sink: webhook\nwebhook:\n  secret_env: S\n  url: http://admin:HOOK-PASS@127.0.0.1/orders\n",
        "sink: rt\nrt:\n  queue: Q\n  url: https://root:RT-PASS@rt.example.net/rt\n  token_env: T\n",
        "sink: webhook\nwebhook:\n  secret_env: S\n  url: http://admin@127.0.0.1/orders\n",
    ])
    func credentialsInURL(text: String) throws {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let path = try CLIFiles.write(text, to: "creds.yaml", in: folder)
        let error = try #require(throws: ConfigurationError.self) { try TriageConfiguration.load(path: path) }
        #expect(error.line == 4)
        #expect(error.problem.contains("must not hold a user name or password"), "\(error)")
        for secret in ["HOOK-PASS", "RT-PASS", "admin", "root:"] { #expect(!error.description.contains(secret), "\(error)") }
    }

    @Test("A YAML error on a line with a credential-bearing URL does not repeat the password")
    func credentialsInBrokenYAML() throws {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let path = try CLIFiles.write("sink: webhook\nwebhook: {url: http://admin:YAML-PASS@h/x, secret_env: [S\n", to: "broken.yaml", in: folder)
        let error = try #require(throws: ConfigurationError.self) { try TriageConfiguration.load(path: path) }
        #expect(error.problem.hasPrefix("not valid YAML"))
        #expect(!error.description.contains("YAML-PASS"), "\(error)")
    }

    @Test("The idempotency key is stable, and differs when device, ticket or verdict differ")
    func idempotencyKey() {
        let key = IdempotencyKey.make(deviceID: "cpe-1", originTicket: "42", verdict: .replace)
        #expect(key == IdempotencyKey.make(deviceID: "cpe-1", originTicket: "42", verdict: .replace))
        #expect(key.hasPrefix("triage-") && key.count == 31)
        #expect(key != IdempotencyKey.make(deviceID: "cpe-2", originTicket: "42", verdict: .replace))
        #expect(key != IdempotencyKey.make(deviceID: "cpe-1", originTicket: nil, verdict: .replace))
        #expect(key != IdempotencyKey.make(deviceID: "cpe-1", originTicket: "42", verdict: .escalate))
    }
}
