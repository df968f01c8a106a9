import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// Device output is hostile input: what it costs to read must grow with its size and no faster.
/// One 3.9 MB log line holding `"key": "aaaa…` once took 651 MB in a backtracking redaction pattern.
@Suite("Device output cost")
struct DeviceOutputCostTests {
    static let hugeLine = "Mon Nov 18 09:12:01 2026 daemon.notice hostapd: config {\"key\": \""
        + String(repeating: "a", count: 3_900_000) + "\n"

    @Test("A 3.9 MB log line with a secret in it is redacted and parsed in bounded memory")
    func hugeLogLine() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-cost")
        defer { directory.remove() }
        let logread = "Mon Nov 18 09:12:00 2026 kern.info kernel: [   1.000000] booting\n" + Self.hugeLine
        let folder = try ScenarioFixture.write(id: "huge-log-line", in: directory.url, files: ["commands/logread -l 300": logread])
        let database = directory.url.appendingPathComponent("triage.sqlite").path
        let (run, _) = try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            // GNU time's %M: the process' peak resident set, in KiB, as the last line of stderr.
            try await CommandRunner.run("/usr/bin/time", [
                "-f", "%M", TriageExecutable.path, "diagnose", "huge-log-line", "--inventory", fleet.inventory.path,
                "--no-act", "--db", database, "--deadline", "120",
            ], checked: false)
        }
        let peakKiB = Int(run.stderr.split(separator: "\n").last.map(String.init) ?? "") ?? -1
        #expect([0, 10, 20, 30].contains(run.status), "a verdict, not a failure: \(run.stderr.suffix(2_000))")
        #expect(peakKiB > 0 && peakKiB < 250_000, "peak \(peakKiB) KiB for a 3.9 MB line")

        let store = try await AppDatabase.openForReading(path: database)
        let id = try #require(try await store.history(deviceID: "huge-log-line").first?.id)
        let log = try #require(try await store.diagnosis(id: id)?.evidence.first { $0.subject.hasPrefix("logread") })
        #expect(log.output.contains("\"key\": \"<redacted>\""))
        #expect(!log.output.contains(String(repeating: "a", count: 100)))
    }
}
