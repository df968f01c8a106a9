import Foundation
import Testing
import TriageCore
import TriageTestSupport

/// `triage rules explain` on the two other kinds of case: a diagnosis recorded in the store (facts
/// rebuilt from its stored evidence) and a device probed now, both served by the simulator.
@Suite("triage rules explain on a recorded diagnosis and on a live device")
struct RulesExplainTests {
    @Test("both name the fired rule with its message and the false part of a quiet rule with its fact")
    func recordedAndLive() async throws {
        let id = "wlan-radio-disabled"
        let scenario = try BundledResources.requireDirectory(named: "Scenarios").appendingPathComponent(id)
        let work = try TemporaryDirectory(prefix: "triage-explain")
        defer { work.remove() }
        let environment = ProcessInfo.processInfo.environment
        let (recorded, live) = try await SimulatorProcess.withSimulator([scenario.path], in: work.url) { simulator -> (String, String) in
            let database = work.url.appendingPathComponent("triage.sqlite").path
            let diagnose = try await ShellRun.run(TriageExecutable.path, [
                "diagnose", id, "--inventory", simulator.inventory.path, "--no-act", "--json", "--db", database,
            ], environment: environment)
            let document = try JSONSerialization.jsonObject(with: Data(diagnose.standardOutput)) as? [String: Any]
            let diagnosisID = try #require(document?["id"] as? String, "\(diagnose.standardError)")
            let recorded = try await ShellRun.run(TriageExecutable.path, [
                "rules", "explain", String(diagnosisID.prefix(8)), "--db", database,
            ], environment: environment)
            let live = try await ShellRun.run(TriageExecutable.path, [
                "rules", "explain", id, "--inventory", simulator.inventory.path, "--connect-attempts", "2",
            ], environment: environment)
            #expect(recorded.exitCode == 0 && live.exitCode == 0, "\(recorded.standardError) \(live.standardError)")
            return (String(decoding: recorded.standardOutput, as: UTF8.self), String(decoding: live.standardOutput, as: UTF8.self))
        }.result
        #expect(recorded.hasPrefix("Case: diagnosis ") && recorded.contains("recorded verdict remediable"), "\(recorded)")
        #expect(live.hasPrefix("Case: device \(id), probed now"), "\(live)")
        for output in [recorded, live] {
            let lines = output.split(separator: "\n").map(String.init)
            #expect(lines.contains("Rules fired: wlan-radio-disabled"), "\(output)")
            #expect(lines.contains { $0.contains("message: Radio ") && $0.contains("is disabled") }, "\(output)")
            let quiet = try #require(lines.firstIndex { $0.hasPrefix("not    link-ethernet-flapping ") }, "\(output)")
            // The false part is the rule's own condition (Rules/link.yaml), quoted as written.
            #expect(lines[quiet + 2].hasPrefix("       false: any(link.devices, ") && lines[quiet + 2].contains("carrierChanges >= 100"),
                    "\(output)")
            #expect(lines[quiet + 3].hasPrefix("              link.devices = "), "\(output)")
        }
    }
}
