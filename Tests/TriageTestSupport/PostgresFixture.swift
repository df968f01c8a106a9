import Foundation
import Synchronization
public import TriageStore

/// A real PostgreSQL 15 (Debian's `postgresql`) in a temporary folder, on a free loopback port,
/// for the PostgreSQL store's tests: `initdb` and `pg_ctl` run as nobody when the tests run as root
/// (initdb refuses root), the server's socket lives in the folder, and `stop()` leaves no process
/// and no folder behind.
///
/// The server has a superuser `postgres` (trusted on its unix socket only, for the fixture itself)
/// and a login role `triage` with a password (scram-sha-256 over TCP), which owns every database
/// `makeDatabase()` creates: what a store's `PostgresSettings` names is an ordinary role, as in
/// production. Fails, never skips, when PostgreSQL's binaries are missing.
public final class PostgresFixture: Sendable {
    /// Where Debian's `postgresql-15` puts its server binaries.
    public static let binaries = "/usr/lib/postgresql/15/bin"
    public static let role = "triage"

    public let port: Int
    /// The folder holding the data directory, the socket, the log and the password file.
    public let folder: TemporaryDirectory
    /// The `triage` role's password file (0600, owned by the user running the tests).
    public let passwordFile: String
    /// The database `start()` made: `settings` names it.
    public let database: String
    private let stopped = Mutex(false)

    private init(port: Int, folder: TemporaryDirectory, passwordFile: String, database: String) {
        self.port = port
        self.folder = folder
        self.passwordFile = passwordFile
        self.database = database
    }

    /// Settings for the database `start()` made, as the `triage` role with its password file.
    public var settings: PostgresSettings { settings(database: database) }

    public func settings(database: String) -> PostgresSettings {
        PostgresSettings(host: "127.0.0.1", port: port, user: Self.role, database: database,
                         password: .file(passwordFile), tls: .disable)
    }

    var dataDirectory: String { folder.path + "/data" }

    // MARK: Starting and stopping

    /// Makes a cluster, starts it and creates the `triage` role and one database for it. A failure
    /// on the way stops what was started and removes the folder.
    public static func start() async throws -> PostgresFixture {
        for tool in ["initdb", "pg_ctl", "postgres"] where !FileManager.default.isExecutableFile(atPath: "\(binaries)/\(tool)") {
            throw Missing(path: "\(binaries)/\(tool)")
        }
        let folder = try TemporaryDirectory(prefix: "triage-pg")
        let fixture = PostgresFixture(port: try TestNetwork.freePort(), folder: folder,
                                      passwordFile: folder.path + "/triage.password", database: "triage")
        do {
            try await fixture.initialize()
            try await fixture.startServer()
            let password = UUID().uuidString.replacingOccurrences(of: "-", with: "")
            try SecretText.write(password + "\n", to: fixture.passwordFile)
            try await fixture.psql("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
            try await fixture.createDatabase(fixture.database)
            return fixture
        } catch {
            await fixture.stop()
            throw error
        }
    }

    /// Runs `body` with a server of its own (for tests that restart or stop it), stopped after.
    public static func withServer<T>(_ body: (PostgresFixture) async throws -> T) async throws -> T {
        let fixture = try await start()
        do {
            let result = try await body(fixture)
            await fixture.stop()
            return result
        } catch {
            await fixture.stop()
            throw error
        }
    }

    /// Runs `body` with a fresh database on a server shared by the tests running at the same time:
    /// the server starts with the first of them and stops when the last one returns.
    public static func withDatabase<T>(_ body: (PostgresSettings) async throws -> T) async throws -> T {
        let fixture = try await SharedPostgres.instance.acquire()
        do {
            let result = try await body(try await fixture.makeDatabase())
            await SharedPostgres.instance.release()
            return result
        } catch {
            await SharedPostgres.instance.release()
            throw error
        }
    }

    /// A new, empty database owned by the `triage` role, and the settings that reach it.
    public func makeDatabase() async throws -> PostgresSettings {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await createDatabase(name)
        return settings(database: name)
    }

    /// Stops the server the way a reboot or an operator's restart does (`-m fast`: sessions are
    /// cut, nothing is lost) and starts it again on the same port and folder.
    public func restart() async throws {
        try await pgCtl(["stop", "-m", "fast", "-w", "-t", "60"])
        try await startServer()
    }

    /// Stops the server at once (`-m immediate`) and removes its folder. Safe to call again.
    public func stop() async {
        guard stopped.withLock({ done in defer { done = true }; return !done }) else { return }
        if FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid") {
            _ = try? await pgCtl(["stop", "-m", "immediate", "-w", "-t", "60"], checked: false)
        }
        folder.remove()
    }

    // MARK: Commands

    private func initialize() async throws {
        if getuid() == 0 {
            // initdb refuses root: the server's files belong to nobody, who runs it.
            guard chown(folder.path, 65_534, 65_534) == 0 else {
                throw CommandFailed(what: "chown \(folder.path) to nobody", detail: String(cString: strerror(errno)))
            }
        }
        try await asServerUser("\(Self.binaries)/initdb", [
            "-D", dataDirectory, "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync",
            "--auth-local=trust", "--auth-host=scram-sha-256",
        ])
    }

    private func startServer() async throws {
        // fsync off: a test's data need not survive a power cut. Connections: parallel tests, each
        // store a pool, and the workers' tests' three services.
        let options = "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c max_connections=400"
        try await pgCtl(["start", "-w", "-t", "60", "-l", folder.path + "/server.log", "-o", options])
    }

    private func createDatabase(_ name: String) async throws {
        try await psql("CREATE DATABASE \(name) OWNER \(Self.role)")
    }

    @discardableResult
    private func pgCtl(_ arguments: [String], checked: Bool = true) async throws -> CommandRunner.Output {
        try await asServerUser("\(Self.binaries)/pg_ctl", ["-D", dataDirectory] + arguments, checked: checked)
    }

    /// One statement as the superuser, over the folder's unix socket (trusted there only).
    private func psql(_ statement: String) async throws {
        try await run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder.path, "-p", "\(port)", "-U", "postgres",
                               "-d", "postgres", "-c", statement])
    }

    @discardableResult
    private func asServerUser(_ executable: String, _ arguments: [String], checked: Bool = true) async throws -> CommandRunner.Output {
        guard getuid() == 0 else { return try await run(executable, arguments, checked: checked) }
        return try await run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", executable] + arguments,
                             checked: checked)
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String], checked: Bool = true) async throws -> CommandRunner.Output {
        let output = try await CommandRunner.run(executable, arguments, environment: ["PGPASSWORD": "", "LC_ALL": "C"],
                                                 checked: false)
        if checked && output.status != 0 {
            let log = (try? String(contentsOfFile: folder.path + "/server.log", encoding: .utf8)) ?? ""
            throw CommandFailed(what: ([executable] + arguments).joined(separator: " "),
                                detail: "exit \(output.status): \(output.stderr)\(output.stdout)\nserver log:\n\(log.suffix(2_000))")
        }
        return output
    }

    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "\(path) is missing: install Debian's postgresql (scripts/install-deps --test); the PostgreSQL tests need a real server"
        }
    }

    public struct CommandFailed: Error, CustomStringConvertible {
        public let what: String
        public let detail: String
        public var description: String { "\(what) failed: \(detail)" }
    }
}

/// The server `PostgresFixture.withDatabase` shares between the tests running at one time.
actor SharedPostgres {
    static let instance = SharedPostgres()

    private var starting: Task<PostgresFixture, any Error>?
    private var users = 0

    func acquire() async throws -> PostgresFixture {
        let start = starting ?? Task { try await PostgresFixture.start() }
        starting = start
        users += 1
        do {
            return try await start.value
        } catch {
            users -= 1
            if users == 0 { starting = nil }
            throw error
        }
    }

    func release() async {
        users -= 1
        guard users == 0, let start = starting else { return }
        starting = nil
        await (try? start.value)?.stop()
    }
}

/// Writes a small secret file private to its owner from its creation (never world-readable, even briefly).
enum SecretText {
    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw PostgresFixture.CommandFailed(what: "create \(path)", detail: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw PostgresFixture.CommandFailed(what: "write \(path)", detail: String(cString: strerror(errno)))
        }
    }
}
