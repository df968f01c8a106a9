import Foundation
import GRDB

/// Opening the store: for recording (created and migrated) or for reading only, and never a file
/// that is not a Triage store.
extension AppDatabase {
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
        let (reader, applied) = try await opening(path) {
            let reader = try Self.reader(path)
            try await reader.checkSchema()
            return (reader, try await reader.appliedMigrations())
        }
        return applied == knownMigrations ? reader : try await open(path: path)
    }

    /// Reads an existing file before the lock file is made beside it or anything is written: a
    /// file that is no SQLite database, another application's database or a newer store is left
    /// untouched. What cannot be told yet (another Triage is creating the store this moment) is
    /// checked again under the lock, before migrating.
    private static func refuseForeign(_ path: String) async throws(StoreError) {
        do {
            try await Self.reader(path).checkSchema()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw notADatabase(path)
        } catch {
            return
        }
    }

    /// A read-only connection: it takes no lock file and writes nothing.
    private static func reader(_ path: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return AppDatabase(path: path, writer: try DatabaseQueue(path: StoreFile.readOnlyLocation(of: path), configuration: configuration))
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
}
