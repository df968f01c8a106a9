import Foundation
import GRDB
import Logging
import Testing
import TriageStore
import TriageStorePostgres
import TriageTestSupport

/// The two stores the contract tests run against: a temporary SQLite file and a fresh database on
/// a real PostgreSQL (`PostgresFixture`). The store is opened as the product opens it; `raw`
/// runs a statement behind the store's back, for what only a bug or a person at a SQL prompt does.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    func withStore<T: Sendable>(_ body: (any RecordStore, StoreRawAccess) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let folder = try TemporaryDirectory(prefix: "triage-contract")
            defer { folder.remove() }
            let path = folder.path + "/triage.sqlite"
            let store = try await AppDatabase.open(path: path)
            return try await body(store, .sqlite(path: path))
        case .postgres:
            return try await PostgresFixture.withDatabase { settings in
                try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { store in
                    try await body(store, .postgres(settings))
                }
            }
        }
    }

    var knownMigrations: [String] {
        switch self {
        case .sqlite: AppDatabase.knownMigrations
        case .postgres: PostgresStore.knownMigrations
        }
    }

    static var logger: Logger {
        var logger = Logger(label: "triage-store-tests")
        logger.logLevel = .warning
        return logger
    }
}

/// Statements run on a store's database directly, in its own dialect.
enum StoreRawAccess: Sendable {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    /// Runs `sql` and returns nil, or the database's error message when it refused.
    func execute(sqlite: String, postgres: String) async throws -> String? {
        switch self {
        case .sqlite(let path):
            do {
                try await DatabaseQueue(path: path).write { try $0.execute(sql: sqlite) }
                return nil
            } catch let error as DatabaseError {
                return error.message ?? "\(error)"
            }
        case .postgres(let settings):
            guard case .file(let passwordFile) = settings.password else { throw RawAccessUnsupported() }
            let password = try String(contentsOfFile: passwordFile, encoding: .utf8).trimmingCharacters(in: .newlines)
            let output = try await CommandRunner.run(
                "psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", settings.host, "-p", "\(settings.port)",
                         "-U", settings.user, "-d", settings.database, "-c", postgres],
                environment: ["PGPASSWORD": password], checked: false)
            return output.status == 0 ? nil : output.stderr
        }
    }

    struct RawAccessUnsupported: Error {}
}
