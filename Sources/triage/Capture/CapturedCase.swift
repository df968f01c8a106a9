import Foundation
import TriageCore
import TriageSimulator

/// What `triage capture` writes for one diagnosis: the scenario, and the lines that tell the
/// technician what was written and what to check.
struct CapturedCase {
    var diagnosis: Diagnosis
    var scenario: ScenarioCapture

    init(diagnosis: Diagnosis, masked: [ProbeSection], folder: URL) {
        self.diagnosis = diagnosis
        let system = DeviceFacts(sections: masked).system
        let model = system.board?.model ?? diagnosis.device.model ?? "unknown model"
        let firmware = system.firmware?.description ?? system.board?.release?.description ?? diagnosis.device.firmware ?? "unknown firmware"
        // The components a correct diagnosis must name: those of the findings that decided (not notes).
        let deciding = Set(diagnosis.findings.filter { $0.verdict != .healthy }.map(\.component.rawValue))
        let expect = ScenarioExpectation(
            verdict: ScenarioExpectation.Verdict(rawValue: diagnosis.verdict.rawValue) ?? .escalate,
            components: ScenarioExpectation.Component.allCases.filter { deciding.contains($0.rawValue) })
        scenario = ScenarioCapture(
            id: ScenarioCapture.id(forFolder: folder) ?? "captured", model: model, firmware: firmware, expect: expect,
            capturedAt: Date(), triageVersion: TriageVersion.current, layout: CaptureLayout(sections: masked))
    }

    func report(verdictOfMasked: Verdict, complete: Bool) -> String {
        let layout = scenario.layout
        let commands = layout.files.keys.filter { $0.hasPrefix("commands/") && !$0.hasSuffix(".exit") }.count
        var lines = [
            "Captured \(diagnosis.device.id) as scenario \(scenario.id): \(commands) command output(s), "
                + "\(layout.files.count - commands) other file(s), masked.",
            "expect: \(scenario.expect.verdict.rawValue) [\(scenario.expect.components.map(\.rawValue).joined(separator: ", "))]"
                + " (rules fired: \(diagnosis.rulesFired.isEmpty ? "none" : diagnosis.rulesFired.joined(separator: ", ")))",
        ]
        lines += layout.skipped.map { "not captured: \($0)" }
        if !complete {
            lines.append("warning: the probe run was incomplete (\(diagnosis.warnings.joined(separator: "; "))); the scenario holds what arrived")
        }
        let transport = diagnosis.findings.filter { $0.component == .transport && $0.verdict != .healthy }
        if !transport.isEmpty {
            lines.append("warning: \(transport.map(\.ruleID).joined(separator: ", ")) came from the SSH session, which a capture "
                + "does not hold: set the scenario's transport.fault, or correct its expect, before you rely on it")
        }
        if verdictOfMasked != diagnosis.verdict {
            lines.append("warning: the masked case diagnoses as \(verdictOfMasked.rawValue), not \(diagnosis.verdict.rawValue): "
                + "a rule reads a value the mask replaced; check with `triage rules explain --scenario <folder>`")
        }
        lines.append("Next: `triage rules explain --scenario <folder>`, then Docs/knowledge-workflow.md.")
        return lines.joined(separator: "\n")
    }
}
