import Foundation
import GRDB
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// What `--db` may name: a Triage store, or nothing yet. Not a device, a folder, a fifo or another
/// application's database, and reading needs no write (no lock file, no journal).
@Suite("Store targets")
struct StoreTargetTests {
    static let listings = [["history", "cpe-1"], ["orders", "list"], ["tickets", "list"], ["store", "info"]]

    @Test("A device, a directory or a fifo is refused, and nothing is made beside it")
    func nonRegularPaths() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-target")
        defer { folder.remove() }
        let fifo = folder.url.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let directory = folder.url.appendingPathComponent("dir").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let diagnosis = try CLIFiles.diagnosis(SampleDiagnoses.make(.replace), in: folder)
        let devNullLeftovers = ["/dev/null.lock", "/dev/null-journal", "/dev/null-wal"].filter { FileManager.default.fileExists(atPath: $0) }

        for target in ["/dev/null", fifo, directory] {
            for command in Self.listings + [["store", "record", diagnosis]] {
                let result = try await CommandRunner.run(TriageExecutable.path, command + ["--db", target], checked: false)
                #expect(result.status == 1, "\(command) \(target): \(result.stderr)")
                #expect(result.stderr.contains("not a regular file"), "\(command) \(target): \(result.stderr)")
            }
            await #expect(throws: StoreError.self) { _ = try await AppDatabase.open(path: target) }
        }
        #expect(["/dev/null.lock", "/dev/null-journal", "/dev/null-wal"].filter { FileManager.default.fileExists(atPath: $0) } == devNullLeftovers)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["diagnosis.json", "dir", "fifo"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test("Another application's SQLite file is refused and gets no Triage tables")
    func foreignDatabase() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-target")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("crm.sqlite").path
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada')")
        }
        let diagnosis = try CLIFiles.diagnosis(SampleDiagnoses.make(.replace), in: folder)
        for command in Self.listings + [["store", "record", diagnosis]] {
            let result = try await CommandRunner.run(TriageExecutable.path, command + ["--db", path], checked: false)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("another application"), "\(command): \(result.stderr)")
        }
        await #expect(throws: StoreError.self) { _ = try await AppDatabase.open(path: path) }
        let tables = try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["customers"])
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("A file that is no SQLite database is refused, with no lock file beside it")
    func notADatabase() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-target")
        defer { folder.remove() }
        let path = try CLIFiles.write("customer notes, not a database\n", to: "notes.txt", in: folder)
        let diagnosis = try CLIFiles.diagnosis(SampleDiagnoses.make(.replace), in: folder)
        for command in Self.listings + [["store", "record", diagnosis]] {
            let result = try await CommandRunner.run(TriageExecutable.path, command + ["--db", path], checked: false)
            #expect(result.status == 1 && result.stderr.contains("it is not an SQLite database"), "\(command): \(result.stderr)")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "customer notes, not a database\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["diagnosis.json", "notes.txt"])
    }

    @Test("The listings read a store in a folder nobody may write to, without a lock file")
    func readOnlyFolder() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-target")
        defer {
            chmod(folder.path, 0o700)
            folder.remove()
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let storeFolder = folder.url.appendingPathComponent("ro").path
        let path = storeFolder + "/triage.sqlite"
        let diagnosis = try await Self.storeWithOneOrder(at: path)
        try FileManager.default.removeItem(atPath: path + ".lock")
        // As root every folder is writable: the store goes to `nobody`, who then runs the listings.
        let asOtherUser = getuid() == 0
        if asOtherUser {
            for item in [storeFolder, path] { #expect(chown(item, 65_534, 65_534) == 0) }
        }
        #expect(chmod(storeFolder, 0o555) == 0)

        for command in Self.listings.map({ $0 == ["history", "cpe-1"] ? ["history", "cpe-ro"] : $0 }) {
            let arguments = command + ["--db", path]
            let result = asOtherUser
                ? try await CommandRunner.run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", TriageExecutable.path] + arguments, checked: false)
                : try await CommandRunner.run(TriageExecutable.path, arguments, checked: false)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            if command.first == "history" { #expect(result.stdout.contains(diagnosis.id.uuidString.lowercased().prefix(8))) }
            if command.first == "orders" { #expect(result.stdout.contains("cpe-ro")) }
            if command.first == "store" { #expect(result.stdout.contains("migrations: v1-record, v2-actions, v3-jobs")) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: storeFolder) == ["triage.sqlite"])
    }

    /// Records one `replace` diagnosis; the store is closed on return (its -wal and -shm files gone).
    private static func storeWithOneOrder(at path: String) async throws -> Diagnosis {
        let database = try await AppDatabase.open(path: path)
        let diagnosis = SampleDiagnoses.make(.replace, device: "cpe-ro")
        _ = try await StoreTestPaths.recorder(database).record(diagnosis, outcome: nil, act: true)
        return diagnosis
    }
}
