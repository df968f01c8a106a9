import Logging
import PostgresNIO
import TriageStore

/// Migrating a database: under a session advisory lock, so that workers starting together take
/// turns and the later ones find the schema current; one transaction per migration, recorded in
/// `triage_migrations`. A database of another application, or one migrated by a newer Triage, is
/// refused before anything is written.
enum PostgresMigrations {
    /// The advisory lock's key: "triage" and 1, so that it doesn't meet another application's.
    static let lockKey: Int64 = 0x7472_6961_6765_0001

    static var all: [PostgresMigration] { [PostgresSchema.record, PostgresSchema.actions, PostgresSchema.jobs, PostgresSchema.leases] }

    static func migrate(_ connecting: PostgresConnecting, settings: PostgresSettings, logger: Logger) async throws(StoreError) {
        let connection = try await connecting.connect(settings, logger: logger)
        do {
            try await connection.queryWhileOpen("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
            try await checkOwnership(connection, settings: settings, logger: logger)
            try await connection.queryWhileOpen(
                "CREATE TABLE IF NOT EXISTS triage_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            let applied = Set(try await self.applied(connection, logger: logger))
            if let unknown = applied.subtracting(all.map(\.name)).sorted().first {
                throw StoreError(path: settings.location, problem: "it was migrated by a newer Triage (migration '\(unknown)')",
                                 remedy: "Use that Triage version, or another database.")
            }
            for migration in all where !applied.contains(migration.name) {
                try await apply(migration, connection: connection, logger: logger)
                logger.info("store migrated", metadata: ["migration": "\(migration.name)", "store": "\(settings.location)"])
            }
            try await connection.queryWhileOpen("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            try await connection.close()
        } catch {
            // Closing the session releases the lock, whatever state the migration left it in.
            try? await connection.close()
            throw PostgresFailure.storeError(error, settings: settings, doing: "migrate the store")
        }
    }

    static func applied(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let rows = try await connection.queryWhileOpen(
            "SELECT name FROM triage_migrations ORDER BY applied_at, name", logger: logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        let order = all.map(\.name)
        return names.sorted { (order.firstIndex(of: $0) ?? .max) < (order.firstIndex(of: $1) ?? .max) }
    }

    /// Tables in the schema but no `triage_migrations`: another application's database.
    private static func checkOwnership(_ connection: PostgresConnection, settings: PostgresSettings,
                                       logger: Logger) async throws {
        let rows = try await connection.queryWhileOpen(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
            logger: logger)
        var tables: [String] = []
        for try await name in rows.decode(String.self) { tables.append(name) }
        if !tables.isEmpty, !tables.contains("triage_migrations") {
            throw StoreError(path: settings.location,
                             problem: "it is a database of another application (tables \(tables.prefix(5).joined(separator: ", "))), not a Triage store",
                             remedy: "Name a database of its own for Triage; Triage adds no tables to this one.")
        }
    }

    private static func apply(_ migration: PostgresMigration, connection: PostgresConnection, logger: Logger) async throws {
        try await connection.queryWhileOpen("BEGIN", logger: logger)
        do {
            for statement in migration.statements {
                try await connection.queryWhileOpen(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.queryWhileOpen("INSERT INTO triage_migrations (name) VALUES (\(migration.name))", logger: logger)
            try await connection.queryWhileOpen("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.queryWhileOpen("ROLLBACK", logger: logger)
            throw error
        }
    }
}

/// One named migration: its statements run in one transaction. Once released, never edited.
struct PostgresMigration: Sendable {
    let name: String
    let statements: [String]
}
