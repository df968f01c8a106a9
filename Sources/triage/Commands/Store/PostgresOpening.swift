import Logging
import TriageStore
import TriageStorePostgres

/// Opens a PostgreSQL store around `body`. The one call into the PostgreSQL target, so that the
/// CLI names it in a single place.
enum PostgresOpening {
    static func withStore<T: Sendable>(_ settings: PostgresSettings, logger: Logger,
                                      _ body: (any RecordStore) async throws -> T) async throws -> T {
        try await PostgresStore.withStore(settings, logger: logger) { try await body($0) }
    }
}
