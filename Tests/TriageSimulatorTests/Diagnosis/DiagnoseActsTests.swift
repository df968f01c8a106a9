import Foundation
import Testing
import TriageTestSupport

/// `triage diagnose` without `--no-act`: the verdict becomes an order, a ticket or a note in the
/// store, once, however often the same device is diagnosed for the same ticket.
@Suite("triage diagnose acts on its verdict")
struct DiagnoseActsTests {
    @Test("replace opens one order and escalate one ticket; diagnosing again opens nothing new")
    func actsOnce() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-diagnose-acts")
        defer { folder.remove() }
        let database = folder.url.appendingPathComponent("record.sqlite").path
        try await SimulatorProcess.withSimulator(["wlan-phy-missing", "transport-host-key-changed"].map(Self.scenario), in: folder.url) { simulator in
            func diagnose(_ device: String) async throws -> ShellRunResult {
                try await ShellRun.run(TriageExecutable.path, [
                    "diagnose", device, "--inventory", simulator.inventory.path, "--db", database, "--ticket", "L1-4711",
                    "--requested-by", "test", "--connect-attempts", "1",
                ], environment: ProcessInfo.processInfo.environment)
            }
            func listing(_ command: String) async throws -> [[String: Any]] {
                let result = try await ShellRun.run(TriageExecutable.path, [command, "list", "--db", database, "--json"],
                                                    environment: ProcessInfo.processInfo.environment)
                return try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [[String: Any]] ?? []
            }

            let first = try await diagnose("wlan-phy-missing")
            #expect(first.exitCode == 20, "\(first.standardError)")
            #expect(String(decoding: first.standardOutput, as: UTF8.self).contains("order 1 opened"))
            let again = try await diagnose("wlan-phy-missing")
            #expect(again.exitCode == 20)
            #expect(String(decoding: again.standardOutput, as: UTF8.self).contains("not opened again"))
            #expect(try await listing("orders").count == 1)

            let escalated = try await diagnose("transport-host-key-changed")
            #expect(escalated.exitCode == 30, "\(escalated.standardError)")
            _ = try await diagnose("transport-host-key-changed")
            #expect(try await listing("tickets").count == 1)

            let history = try await ShellRun.run(TriageExecutable.path, ["history", "wlan-phy-missing", "--db", database, "--json"],
                                                 environment: ProcessInfo.processInfo.environment)
            let diagnoses = try JSONSerialization.jsonObject(with: Data(history.standardOutput)) as? [[String: Any]] ?? []
            #expect(diagnoses.count == 2, "both runs are on record")
        }
    }

    static func scenario(_ id: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios").appendingPathComponent(id).path
    }
}
