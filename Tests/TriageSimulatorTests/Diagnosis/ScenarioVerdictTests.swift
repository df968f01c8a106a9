import Foundation
import Testing
import TriageCore
import TriageSimulator
import TriageTestSupport

/// Every built-in scenario, served by `triage simulate` and diagnosed by the real `triage diagnose`,
/// reaches the verdict its scenario.yaml expects, with a finding in each expected component. A
/// scenario added to Scenarios/ is picked up here with no code change.
@Suite("Diagnosis of every built-in scenario, end to end")
struct ScenarioVerdictTests {
    @Test("verdict, components, exit status and JSON shape per scenario")
    func everyScenarioYieldsItsExpectedVerdict() async throws {
        let folder = try BundledResources.requireDirectory(named: "Scenarios")
        let scenarios = try ScenarioLoader.load(folders: try ScenarioLoader.scenarioFolders(in: folder))
        // An empty or missing Scenarios/ folder must fail the walk, not pass it with nothing checked.
        try #require(scenarios.count >= 20, "only \(scenarios.count) scenarios in \(folder.path)")
        let work = try TemporaryDirectory(prefix: "triage-scenario-verdicts")
        defer { work.remove() }
        try await SimulatorProcess.withSimulator([], in: work.url) { simulator in
            let runs = try await withThrowingTaskGroup(of: (String, DiagnoseCommandRun).self) { group in
                var results: [String: DiagnoseCommandRun] = [:]
                var pending = scenarios.makeIterator()
                // Three at a time: the hanging and slow devices overlap with the quick ones.
                for _ in 0..<3 {
                    guard let scenario = pending.next() else { break }
                    group.addTask { (scenario.id, try await DiagnoseCommandRun.run(scenario.id, inventory: simulator.inventory)) }
                }
                while let (id, run) = try await group.next() {
                    results[id] = run
                    if let scenario = pending.next() {
                        group.addTask { (scenario.id, try await DiagnoseCommandRun.run(scenario.id, inventory: simulator.inventory)) }
                    }
                }
                return results
            }
            for scenario in scenarios {
                try check(try #require(runs[scenario.id]), against: scenario)
            }
        }
    }

    private func check(_ run: DiagnoseCommandRun, against scenario: Scenario) throws {
        let expected = scenario.expect
        let summary = "\(scenario.id): \(run.summary)"
        let document = try #require(run.document, "\(summary)")
        #expect(document.verdict == expected.verdict.rawValue, "\(summary)")
        #expect(run.exitCode == Verdict(rawValue: expected.verdict.rawValue)?.exitStatus, "\(summary)")
        #expect(document.exit_status == run.exitCode)
        for component in expected.components {
            #expect(run.components().contains(component.rawValue), "no \(component.rawValue) finding; \(summary)")
        }
        // Findings that decide (not notes) stay within the expected components.
        #expect(run.components(deciding: true).isSubset(of: Set(expected.components.map(\.rawValue))), "\(summary)")
        #expect(document.format == "triage.diagnosis" && document.version == 1)
        #expect(document.device.id == scenario.id && !document.started_at.isEmpty && document.duration_ms >= 0)
        #expect(document.rules_fired == document.findings.map(\.rule))
        if scenario.transport.fault == .none {
            #expect(Set(document.probe_sha256.keys) == Set(ProbeCatalog.probeNames), "\(summary)")
            try checkParsed(document, summary: summary)
        }
    }

    /// A device that answered every probe left facts, not only an absence of crashes: complete probes,
    /// some network device or wireless interface, and warnings within the parsers' cap per section.
    private func checkParsed(_ document: DiagnoseCommandRun.Document, summary: String) throws {
        let facts = try #require(document.facts, "\(summary)")
        #expect(facts.probes?.complete == true, "\(summary)")
        let found = (facts.link?.devices.count ?? 0) + (facts.wlan?.interfaces.count ?? 0)
        #expect(found > 0, "no network device or wireless interface parsed; \(summary)")
        let sections = document.sections?.count ?? 0
        #expect(sections > 0 && document.warnings.count <= sections * 21, "\(document.warnings.count) warnings; \(summary)")
    }
}
