import Logging
import TriageStore

/// Opens a PostgreSQL store around `body`. The one call into the PostgreSQL target, so that the
/// CLI names it in a single place.
enum PostgresOpening {
    static func withStore<T: Sendable>(_ settings: PostgresSettings, logger: Logger,
                             _ body: (any RecordStore) async throws -> T) async throws -> T {
        throw CLIError.failure("store \(settings.location): this triage was built without the PostgreSQL store")
    }
}
