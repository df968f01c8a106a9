import Foundation
import Glibc
import Testing
import TriageStore
import TriageTestSupport

/// Issue 11 item 22: when the store cannot take the diagnosis (disk full), the technician still
/// sees the verdict and findings, then an error that says nothing was recorded; exit 1.
///
/// The disk is real: a 4 MiB tmpfs (root only), filled up after the store was created. The test
/// holds the store open meanwhile, so its -wal and -shm files exist before the disk is full and
/// `triage` can open the store; only writing the diagnosis needs space. It is closed before the
/// record is read back (a second connection of the test's own once met SQLITE_PROTOCOL there).
@Suite("triage diagnose on a full disk")
struct StoreFullTests {
    @Test("the write fails: verdict and findings are printed, then the error; exit 1; nothing recorded",
          .enabled(if: getuid() == 0, "mounts a tmpfs"))
    func diskFull() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-disk-full")
        defer { folder.remove() }
        let disk = folder.url.appendingPathComponent("disk").path
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try #require(mount("tmpfs", disk, "tmpfs", 0, "size=4m,mode=0700") == 0, "mount: \(String(cString: strerror(errno)))")
        defer { umount2(disk, Int32(MNT_DETACH)) }
        let database = "\(disk)/triage.sqlite"

        try await SimulatorProcess.withSimulator([CLIScenarios.builtIn("wlan-phy-missing").path], in: folder.url) { simulator in
            let arguments = ["diagnose", "wlan-phy-missing", "--inventory", simulator.inventory.path, "--db", database,
                             "--connect-attempts", "1"]
            let first = try await TriageRun.run(arguments)
            #expect(first.exitCode == 20, "\(first.summary)")

            var held: AppDatabase? = try await AppDatabase.open(path: database)
            let filler = "\(disk)/filler"
            Self.fill(filler)
            let full = try await TriageRun.run(arguments)
            unlink(filler)
            #expect(held != nil)
            held = nil  // closed: the next process to open the store recovers its WAL index by itself

            #expect(full.exitCode == 1, "\(full.summary)")
            #expect(full.output.hasPrefix("REPLACE: "), "\(full.summary)")
            #expect(full.output.contains("] wlan wlan."), "the findings are shown: \(full.summary)")
            #expect(full.errors.contains("is not recorded") && full.errors.contains("full"), "\(full.summary)")
            let history = try await TriageRun.run(["history", "wlan-phy-missing", "--db", database, "--json"])
            #expect(history.exitCode == 0, "\(history.summary)")
            let recorded = try? JSONSerialization.jsonObject(with: Data(history.standardOutput)) as? [[String: Any]]
            #expect(recorded?.count == 1, "only the first diagnosis is on record: \(history.summary)")
        }
    }

    /// Writes `path` until the file system has no block left.
    private static func fill(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0x55, count: 4096)
        while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
