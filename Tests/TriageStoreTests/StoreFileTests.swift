import Foundation
import GRDB
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// The store's file: private from its first byte, never anything but a regular Triage store, and
/// readable without writing (a read-only file system, another user's 0555 folder).
@Suite("Store files")
struct StoreFileTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    @Test("A new store is 0600, with its -wal, -shm and lock files, in folders created 0700")
    func privateFromTheStart() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-modes")
        defer { folder.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let path = folder.url.appendingPathComponent("state/triage/triage.sqlite").path
        let database = try await AppDatabase.open(path: path)
        _ = try await StoreTestPaths.recorder(database).record(SampleDiagnoses.make(.replace), outcome: nil, act: true)

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/state/triage")
        #expect(Set(files).isSuperset(of: ["triage.sqlite", "triage.sqlite-wal", "triage.sqlite-shm", "triage.sqlite.lock"]), "\(files)")
        for file in files {
            #expect(Self.mode(folder.path + "/state/triage/" + file) == 0o600, "\(file)")
        }
        #expect(Self.mode(folder.path + "/state") == 0o700)
        #expect(Self.mode(folder.path + "/state/triage") == 0o700)
        #expect(Self.mode(folder.path) == 0o755, "a folder the user already had is left as it was")
        #expect(database.exposure == nil)
    }

    @Test("The default store under a fresh HOME: ~/.local/state/triage is 0700, the file 0600")
    func defaultLocation() async throws {
        let home = try TemporaryDirectory(prefix: "triage-home")
        defer { home.remove() }
        let file = try CLIFiles.diagnosis(SampleDiagnoses.make(.healthy), in: home)
        let environment = ["HOME": home.path, "XDG_STATE_HOME": "", "TRIAGE_CONFIG": ""]
        _ = try await CommandRunner.run(TriageExecutable.path, ["store", "record", file, "--no-act"], environment: environment)
        for folder in [".local", ".local/state", ".local/state/triage"] {
            #expect(Self.mode(home.path + "/" + folder) == 0o700, "\(folder)")
        }
        #expect(Self.mode(home.path + "/.local/state/triage/triage.sqlite") == 0o600)
        let info = try await CommandRunner.run(TriageExecutable.path, ["store", "info"], environment: environment)
        #expect(!info.stderr.contains("warning"), "a private store draws no warning: \(info.stderr)")
    }

    @Test("store info and the recording commands warn about a store other users can read")
    func exposedStoreWarns() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-modes")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("triage.sqlite").path
        _ = try await AppDatabase.open(path: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let info = try await CommandRunner.run(TriageExecutable.path, ["store", "info", "--db", path])
        #expect(info.stderr.contains("warning: \(path) has mode 644"), "\(info.stderr)")
        let file = try CLIFiles.diagnosis(SampleDiagnoses.make(.healthy), in: folder)
        let recorded = try await CommandRunner.run(TriageExecutable.path, ["store", "record", file, "--no-act", "--db", path])
        #expect(recorded.stderr.contains("warning: \(path) has mode 644"), "\(recorded.stderr)")
        #expect(Self.mode(path) == 0o644, "Triage does not chmod a file it did not create")
    }
}
