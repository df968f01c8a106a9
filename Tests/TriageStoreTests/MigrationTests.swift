import Foundation
import GRDB
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

@Suite("Store migrations")
struct MigrationTests {
    @Test("An empty file is created and migrated to the current schema")
    func fromEmptyFile() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("nested/state/triage.sqlite").path
        let database = try await AppDatabase.open(path: path)
        #expect(try await database.appliedMigrations() == AppDatabase.knownMigrations)
        #expect(AppDatabase.knownMigrations == ["v1-record", "v2-actions", "v3-jobs", "v4-leases"])
        let tables = try await DatabaseQueue(path: path).read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables.isSuperset(of: ["diagnoses", "findings", "evidence", "auditLog", "outbox", "orders", "tickets", "notes"]))
        // Opening again is a no-op.
        _ = try await AppDatabase.open(path: path)
    }

    @Test("Processes opening a new file at once all get a migrated store (parallel `triage diagnose` runs)")
    func concurrentFirstOpen() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store-race")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("triage.sqlite").path
        let triage = TriageExecutable.path
        // `store record` creates the store (`store info` reads only, and creates nothing).
        let files = try (0..<6).map { try CLIFiles.diagnosis(SampleDiagnoses.make(.healthy, device: "cpe-race"), in: folder, name: "d\($0).json") }
        let results = try await withThrowingTaskGroup(of: ShellRunResult.self) { group in
            for file in files {
                group.addTask { try await ShellRun.run(triage, ["store", "record", file, "--no-act", "--db", path], environment: [:]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.map(\.exitCode) == Array(repeating: 0, count: 6), "\(results.map(\.standardError))")
        let database = try await AppDatabase.open(path: path)
        #expect(try await database.appliedMigrations() == AppDatabase.knownMigrations)
        #expect(try await database.history(deviceID: "cpe-race").count == 6)
    }

    @Test("A file of schema v1 is migrated with its rows kept, and then takes actions")
    func fromVersion1() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let path = try await Self.version1Store(in: folder)

        let database = try await AppDatabase.open(path: path)
        #expect(try await database.appliedMigrations() == ["v1-record", "v2-actions", "v3-jobs", "v4-leases"])
        let old = try #require(try await database.diagnosis(id: "0b1c2d3e"))
        #expect(old.record.deviceID == "cpe-0001")
        #expect(old.findings.map(\.code) == ["wlan.phy-missing"])
        #expect(old.evidence.map(\.subject) == ["iw dev"])
        #expect(old.audit.count == 1)

        let recorded = try await StoreTestPaths.recorder(database).record(SampleDiagnoses.make(.replace), outcome: nil, act: true)
        #expect(recorded.action?.isNew == true)
        #expect(try await database.orders().count == 1)
    }

    @Test("A listing, which opens read-only, migrates a v1 store first")
    func listingMigratesVersion1() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let path = try await Self.version1Store(in: folder)
        let orders = try await CommandRunner.run(TriageExecutable.path, ["orders", "list", "--db", path])
        #expect(orders.stdout.contains("no orders"))
        #expect(try await AppDatabase.openForReading(path: path).appliedMigrations() == AppDatabase.knownMigrations)
    }

    @Test("A file migrated by a newer Triage is refused, not changed")
    func newerSchemaRefused() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("future.sqlite").path
        _ = try await AppDatabase.open(path: path)
        try await DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-future')") }
        await #expect(throws: StoreError.self) { _ = try await AppDatabase.open(path: path) }
    }

    /// A file of released schema v1 with its fixture rows, as an older Triage left it.
    private static func version1Store(in folder: TemporaryDirectory) async throws -> String {
        let path = folder.url.appendingPathComponent("v1.sqlite").path
        let script = try String(contentsOf: StoreTestPaths.fixtures.appendingPathComponent("schema-v1.sql"), encoding: .utf8)
        try await DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: script) }
        return path
    }
}
