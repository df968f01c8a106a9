public import Logging
internal import PostgresNIO
public import TriageStore

/// The record in a shared PostgreSQL database: the same tables and promises as the SQLite store
/// (`AppDatabase`), so that several `triage serve` workers on several machines share one record
/// and one job queue. Every call is one transaction on a connection of `PostgresClient`'s pool.
///
/// Opened only through `withStore`, which runs the client around the caller's work and closes
/// it after: no connection outlives the call.
public struct PostgresStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    public let settings: PostgresSettings

    /// Connects (failing at once, with what to do, when the server is unreachable, the password is
    /// refused or the database is missing), migrates under an advisory lock, then runs `body` with
    /// the store while the connection pool runs beside it. The pool stops when `body` returns.
    public static func withStore<T: Sendable>(_ settings: PostgresSettings, logger: Logger,
                                              _ body: (PostgresStore) async throws -> T) async throws -> T {
        let connecting = try await PostgresConnecting.configuration(for: settings)
        let client = PostgresClient(configuration: connecting.pool, backgroundLogger: logger)
        let store = PostgresStore(client: client, logger: logger, settings: settings)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            // Migrating on a connection of its own tells a refusal at once (the pool would retry);
            // it also gives the pool's run() its start before the first lease.
            try await PostgresMigrations.migrate(connecting, settings: settings, logger: logger)
            return try await body(store)
        }
    }

    /// The names of the migrations applied to the database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await read { connection in
            try await PostgresMigrations.applied(connection, logger: logger)
        }
    }

    /// Every migration this version of Triage knows, in order.
    public static var knownMigrations: [String] { PostgresMigrations.all.map(\.name) }
}

extension PostgresStore: RecordStore {
    /// `postgres://user@host:port/database`: never with the password.
    public var location: String { settings.location }
}
