import Foundation
import Testing
import TriageCore
import TriageSimulator
import TriageTestSupport

/// `triage rules test --matrix` over the built-in scenarios, as CI runs it: every scenario
/// diagnosed as expected, the confusion matrix printed, no false-healthy and no false-replace;
/// and the ways it must fail (a wrong expectation, no scenarios at all, a message naming nothing).
@Suite("triage rules test --matrix and rules explain")
struct RulesMatrixTests {
    func triage(_ arguments: [String]) async throws -> (status: Int32?, output: String, error: String) {
        let result = try await ShellRun.run(TriageExecutable.path, arguments, environment: ProcessInfo.processInfo.environment)
        return (result.exitCode, String(decoding: result.standardOutput, as: UTF8.self), result.standardError)
    }

    @Test("every built-in scenario is diagnosed as expected: no mismatch, no false-healthy, no false-replace")
    func builtInScenariosMatchTheirExpectations() async throws {
        let folder = try BundledResources.requireDirectory(named: "Scenarios")
        let scenarios = try ScenarioLoader.load(folders: try ScenarioLoader.scenarioFolders(in: folder))
        let local = scenarios.filter { $0.transport.fault == .none }
        try #require(!local.isEmpty, "no built-in scenarios in \(folder.path)")
        let run = try await triage(["rules", "test", "--matrix"])
        #expect(run.status == 0, "\(run.output)\n\(run.error)")
        #expect(!run.output.contains("MISMATCH") && !run.output.contains("FAIL"), "\(run.output)")
        #expect(run.output.contains("false-healthy: 0") && run.output.contains("false-replace: 0"), "\(run.output)")
        #expect(run.output.contains("\(local.count) of \(local.count) scenarios as expected"), "\(run.output)")
        #expect(run.output.contains("Confusion matrix"), "\(run.output)")
        for scenario in local {
            let row = run.output.split(separator: "\n").first { $0.hasPrefix(scenario.id + " ") }
            #expect(row?.contains(" ok") == true, "no ok row for \(scenario.id): \(run.output)")
        }
    }

    @Test("a scenario whose verdict differs is a mismatch, counted as false-healthy, and fails the run")
    func wrongExpectationFails() async throws {
        let work = try TemporaryDirectory(prefix: "triage-matrix-mismatch")
        defer { work.remove() }
        let original = try BundledResources.requireDirectory(named: "Scenarios").appendingPathComponent("healthy-with-clients")
        let copy = work.url.appendingPathComponent("healthy-called-broken")
        try FileManager.default.copyItem(at: original, to: copy)
        let yaml = copy.appendingPathComponent("scenario.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
            .replacingOccurrences(of: "id: healthy-with-clients", with: "id: healthy-called-broken")
            .replacingOccurrences(of: "verdict: healthy", with: "verdict: replace")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let run = try await triage(["rules", "test", "--matrix", "--scenarios", work.path])
        #expect(run.status == 1, "\(run.output)\n\(run.error)")
        #expect(run.output.contains("MISMATCH: verdict healthy, expected replace"), "\(run.output)")
        #expect(run.output.contains("false-healthy: 1 (healthy-called-broken)"), "\(run.output)")
        #expect(run.output.contains("0 of 1 scenarios as expected"), "\(run.output)")
    }

    @Test("an empty or missing scenarios folder fails: no scenarios is never a pass")
    func noScenariosFails() async throws {
        let work = try TemporaryDirectory(prefix: "triage-matrix-empty")
        defer { work.remove() }
        let empty = try await triage(["rules", "test", "--matrix", "--scenarios", work.path])
        #expect(empty.status != 0 && empty.error.contains("no scenarios in"), "\(empty.output)\n\(empty.error)")
        let missing = try await triage(["rules", "test", "--scenarios", work.url.appendingPathComponent("nope").path])
        #expect(missing.status != 0 && !missing.error.isEmpty, "\(missing.output)\n\(missing.error)")
        #expect(!missing.output.contains("all passed"))
    }

    @Test("a message that names nothing where its rule fires is a rule defect, with rule and scenario named")
    func messageNamingNothingFails() async throws {
        let rules = try TemporaryDirectory(prefix: "triage-matrix-defect")
        defer { rules.remove() }
        try """
            rules:
              - id: note-names-nothing
                title: A note whose message names a radio it cannot find
                component: wlan
                when: exists(wlan.radios)
                code: test.names-nothing
                severity: info
                message: "hostapd could not start on radio {{ where(wlan.radios, hostapdFailed == true).name }}"
                verdict: healthy
                tests: [{facts: {}, fires: false}]
            """.write(to: rules.url.appendingPathComponent("defect.yaml"), atomically: true, encoding: .utf8)
        let run = try await triage(["rules", "test", rules.path])
        #expect(run.status == 1, "\(run.output)\n\(run.error)")
        #expect(run.output.contains(
            "FAIL  rule defect on scenario healthy-with-clients: note-names-nothing: {{ where(wlan.radios, hostapdFailed == true).name }} names nothing"),
            "\(run.output)")
    }

    @Test("rules explain on a scenario: the fired rule with its message, a quiet rule with its false part and fact")
    func explainScenario() async throws {
        let folder = try BundledResources.requireDirectory(named: "Scenarios").appendingPathComponent("wlan-radio-disabled")
        let run = try await triage(["rules", "explain", "--scenario", folder.path])
        #expect(run.status == 0, "\(run.output)\n\(run.error)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("FIRED  wlan-radio-disabled (remediable, wlan") }, "\(run.output)")
        #expect(lines.contains { $0.contains("message: Radio ") && $0.contains("is disabled") }, "\(run.output)")
        let quiet = try #require(lines.firstIndex { $0.hasPrefix("not    wlan-rfkill-soft-block ") }, "\(run.output)")
        #expect(lines[quiet + 2].contains("false: any(wlan.rfkill, "), "\(run.output)")
        #expect(lines[quiet + 3].contains("wlan.rfkill = "), "\(run.output)")
        let one = try await triage(["rules", "explain", "--scenario", folder.path, "--rule", "wlan-rfkill-soft-block"])
        #expect(one.output.split(separator: "\n").filter { $0.hasPrefix("not  ") || $0.hasPrefix("FIRED") }.count == 1, "\(one.output)")
        let unknown = try await triage(["rules", "explain", "--scenario", folder.path, "--rule", "no-such-rule"])
        #expect(unknown.status == 2 && unknown.error.contains("no rule no-such-rule"), "\(unknown.error)")
    }
}
