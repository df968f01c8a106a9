import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// The real `triage diagnose --json` on a simulated device, recorded again with `store record`:
/// the documented round trip, with a NUL byte and a secret in what the device printed.
@Suite("Diagnose JSON round trip")
struct DiagnoseRoundTripTests {
    static let diskFree = "Filesystem           1K-blocks      Used Available Use% Mounted on\n"
        + "/dev/root                 4352      4352         0 100% /rom\0\n"
        + "overlayfs:/overlay        7680      7680         0 100% /overlay\n"

    @Test("diagnose --json output records as it is: every evidence byte, no secret")
    func diagnoseThenRecord() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-roundtrip")
        defer { directory.remove() }
        let files = [
            "commands/df -k": Self.diskFree,
            "commands/logread -l 300": "Mon Nov 18 09:12:01 2026 daemon.notice hostapd: wlan0: set key='roundtrip-secret' for bss\n",
        ]
        let folder = try ScenarioFixture.write(id: "nul-df", in: directory.url, files: files)
        let first = directory.url.appendingPathComponent("first.sqlite").path
        let second = directory.url.appendingPathComponent("second.sqlite").path
        let triage = TriageExecutable.path
        let (run, _) = try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            try await CommandRunner.run(triage, ["diagnose", "nul-df", "--inventory", fleet.inventory.path, "--no-act", "--json",
                                                 "--db", first, "--deadline", "60"], checked: false)
        }
        #expect([0, 10, 20, 30].contains(run.status), "\(run.stderr)")
        #expect(!run.stdout.contains("roundtrip-secret"))
        let file = try CLIFiles.write(run.stdout, to: "diagnose.json", in: directory)
        _ = try await CommandRunner.run(triage, ["store", "record", file, "--no-act", "--db", second])

        let original = try await Self.evidence(in: first)
        let recorded = try await Self.evidence(in: second)
        #expect(recorded == original, "the recorded document holds the same sections")
        let diskFree = try #require(recorded.first { $0.subject == "df -k" })
        #expect(Array(diskFree.output.utf8) == Array(Self.diskFree.utf8), "every byte, the NUL and the line after it")
        let log = try #require(recorded.first { $0.subject.hasPrefix("logread") })
        #expect(log.output.contains("set key='<redacted>' for bss"))
    }

    private static func evidence(in path: String) async throws -> [ProbeSection] {
        let store = try await AppDatabase.openForReading(path: path)
        let id = try #require(try await store.history(deviceID: "nul-df").first?.id)
        return try #require(try await store.diagnosis(id: id)).evidence
    }
}
