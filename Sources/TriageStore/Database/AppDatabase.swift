import Foundation
import GRDB

/// The store: one SQLite file, owned through one `DatabaseWriter`. Only this module writes SQL.
///
/// GRDB runs every SQLite call on its own serial dispatch queues; the async methods here suspend
/// the caller instead of blocking Swift's cooperative pool.
public struct AppDatabase: Sendable {
    public let path: String
    let writer: any DatabaseWriter

    /// Opens (creating the file and its folder when missing) and migrates to the current schema.
    public static func open(path: String) async throws(StoreError) -> AppDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: path, problem: "cannot create the folder \(folder.path): \(error.localizedDescription)",
                             remedy: "Choose a writable place with --db FILE or store.path in the config.")
        }
        let lock = try await MigrationLock.acquire(beside: path)
        defer { lock.release() }
        var configuration = Configuration()
        // Another triage process (a delivery run, the service) may hold the write lock briefly.
        configuration.busyMode = .timeout(10)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try await AppDatabase(path: path, writer: pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, problem: "cannot open or migrate: \(error)",
                             remedy: "Check that the file is a Triage store and is writable.")
        }
    }

    init(path: String, writer: any DatabaseWriter) async throws {
        self.path = path
        self.writer = writer
        let migrator = StoreMigrations.migrator
        let known = Set(migrator.migrations)
        let applied = try await writer.read { try migrator.appliedIdentifiers($0) }
        if let unknown = applied.subtracting(known).sorted().first {
            throw StoreError(path: path, problem: "it was migrated by a newer Triage (migration '\(unknown)')",
                             remedy: "Use that Triage version, or another file with --db.")
        }
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
}
