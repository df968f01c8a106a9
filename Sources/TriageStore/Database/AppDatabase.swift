import Foundation
import GRDB

/// The store: one SQLite file, owned through one `DatabaseWriter`. Only this module writes SQL.
///
/// GRDB runs every SQLite call on its own serial dispatch queues; the async methods here suspend
/// the caller instead of blocking Swift's cooperative pool.
public struct AppDatabase: Sendable {
    public let path: String
    let writer: any DatabaseWriter

    init(path: String, writer: any DatabaseWriter) {
        self.path = path
        self.writer = writer
    }

    /// Refuses another application's SQLite file (tables, but none of Triage's migrations) and a
    /// store migrated by a newer Triage (a migration this version does not know).
    func checkSchema() async throws {
        let migrator = StoreMigrations.migrator
        // One read, one snapshot; GRDB's own table is made before the first migration commits.
        let (applied, tables) = try await writer.read { db in
            (try migrator.appliedIdentifiers(db),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'"))
        }
        let known = Set(migrator.migrations)
        if applied.isDisjoint(with: known), !tables.isEmpty {
            throw StoreError(path: path, problem: "it is an SQLite database of another application (tables \(tables.prefix(5).joined(separator: ", "))), not a Triage store",
                             remedy: "Name Triage's own file with --db FILE or store.path in the config; Triage adds no tables to it.")
        }
        if let unknown = applied.subtracting(known).sorted().first {
            throw StoreError(path: path, problem: "it was migrated by a newer Triage (migration '\(unknown)')",
                             remedy: "Use that Triage version, or another file with --db.")
        }
    }

    func migrate() async throws {
        let migrator = StoreMigrations.migrator
        // asyncMigrate runs on GRDB's writer queue; the caller suspends meanwhile.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            migrator.asyncMigrate(writer) { result in
                switch result {
                case .success: continuation.resume()
                case .failure(let error): continuation.resume(throwing: error)
                }
            }
        }
    }

    /// The names of the migrations applied to the file, in order.
    public func appliedMigrations() async throws -> [String] {
        let migrator = StoreMigrations.migrator
        let applied = try await writer.read { try migrator.appliedIdentifiers($0) }
        return migrator.migrations.filter(applied.contains)
    }

    /// Every migration this version of Triage knows, in order.
    public static var knownMigrations: [String] { StoreMigrations.migrator.migrations }

    /// A warning when other users can read or write the store; nil when it is private to its owner.
    public var exposure: String? { StoreFile.exposure(of: path) }
}

extension AppDatabase: RecordStore {
    public var location: String { path }
}
