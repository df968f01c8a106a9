import Foundation
import GRDB

/// The store: one SQLite file, owned through one `DatabaseWriter`. Only this module writes SQL.
///
/// GRDB runs every SQLite call on its own serial dispatch queues; the async methods here suspend
/// the caller instead of blocking Swift's cooperative pool.
public struct AppDatabase: Sendable {
    public let path: String
    let writer: any DatabaseWriter

    /// Opens (creating the file and its folders when missing, private to the user) and migrates
    /// to the current schema: for the commands that record. A path that is no regular file, or
    /// an SQLite file of another application, is refused before anything is written beside it.
    public static func open(path: String) async throws(StoreError) -> AppDatabase {
        try StoreFile.checkIsRegularOrAbsent(path)
        if FileManager.default.fileExists(atPath: path) { try await refuseForeign(path) }
        try StoreFile.create(path)
        let lock = try await MigrationLock.acquire(beside: path)
        defer { lock.release() }
        var configuration = Configuration()
        // Another triage process (a delivery run, the service) may hold the write lock briefly.
        configuration.busyMode = .timeout(10)
        return try await opening(path) {
            let database = AppDatabase(path: path, writer: try DatabasePool(path: path, configuration: configuration))
            try await database.checkSchema()
            try await database.migrate()
            return database
        }
    }

    /// Opens an existing store for reading only: no lock file, no write, no migration, so it works
    /// on a read-only file system and leaves nothing beside the file. A store made by an older
    /// Triage, which needs migrating first, is opened with `open(path:)` instead.
    public static func openForReading(path: String) async throws(StoreError) -> AppDatabase {
        try StoreFile.checkIsRegularOrAbsent(path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(path: path, problem: "there is no store there", remedy: "Check --db or store.path in the config.")
        }
        let reader = try await openReader(path: path)
        try await opening(path) { try await reader.checkSchema() }
        if try await opening(path, { try await reader.appliedMigrations() }) == knownMigrations { return reader }
        return try await open(path: path)
    }

    /// Reads an existing file before the lock file is made beside it or anything is written: a
    /// file that is no SQLite database, another application's database or a newer store is left
    /// untouched. What cannot be told yet (another Triage is creating the store this moment) is
    /// checked again under the lock, before migrating.
    private static func refuseForeign(_ path: String) async throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let reader = AppDatabase(path: path, writer: try DatabaseQueue(path: StoreFile.readOnlyLocation(of: path), configuration: configuration))
            try await reader.checkSchema()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw notADatabase(path)
        } catch {
            return
        }
    }

    private static func openReader(path: String) async throws(StoreError) -> AppDatabase {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let location = StoreFile.readOnlyLocation(of: path)
        return try await opening(path) { AppDatabase(path: path, writer: try DatabaseQueue(path: location, configuration: configuration)) }
    }

    /// Runs `body`, turning what SQLite or GRDB throws into a `StoreError` that names the file.
    private static func opening<T>(_ path: String, _ body: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw notADatabase(path)
        } catch {
            throw StoreError(path: path, problem: "cannot open or migrate: \(error)",
                             remedy: "Check that the file is a Triage store and that you may read it (and write it, to record).")
        }
    }

    private static func notADatabase(_ path: String) -> StoreError {
        StoreError(path: path, problem: "it is not an SQLite database", remedy: "Name Triage's own file with --db FILE or store.path in the config.")
    }

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

    private func migrate() async throws {
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
