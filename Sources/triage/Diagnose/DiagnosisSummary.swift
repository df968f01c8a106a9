import Foundation
import TriageCore

/// The diagnosis as a technician reads it on a terminal: verdict first, then why, then what to do.
enum DiagnosisSummary {
    static func text(for diagnosis: Diagnosis, actions: [String], acted: Bool) -> String {
        let device = diagnosis.device
        let identity = [device.model, device.firmware, device.serial.map { "serial \($0)" }].compactMap { $0 }
        var lines = ["device:   \(device.id) at \(device.host)" + (identity.isEmpty ? "" : " (\(identity.joined(separator: ", ")))")]
        lines.append("verdict:  \(diagnosis.verdict.rawValue.uppercased()): \(meaning(of: diagnosis.verdict))")
        if diagnosis.findings.isEmpty {
            lines.append("findings: none; every rule passed")
        } else {
            lines.append("findings:")
            for finding in diagnosis.findings {
                let decides = finding.isSecurity ? "security, escalate" : "\(finding.severity.rawValue), \(finding.verdict.rawValue)"
                lines.append("  [\(finding.component.rawValue)] \(finding.message)")
                lines.append("      \(finding.code) (\(decides); rule \(finding.ruleID))")
                for evidence in finding.evidence {
                    lines.append("      evidence: \(evidence.section)")
                    lines += evidence.lines.prefix(8).map { "        | \($0.trimmingCharacters(in: .whitespaces))" }
                    if evidence.lines.count > 8 { lines.append("        | … \(evidence.lines.count - 8) more (see --json)") }
                }
                if let reference = finding.reference { lines.append("      see: \(reference)") }
            }
        }
        if !diagnosis.remedies.isEmpty {
            lines.append("remedy:")
            lines += diagnosis.remedies.map { "  - \($0)" }
        }
        if !diagnosis.warnings.isEmpty {
            lines.append("notes:    \(diagnosis.warnings.count) thing(s) could not be read; first: \(diagnosis.warnings[0])")
        }
        let action = !acted ? "none (--no-act)" : actions.isEmpty ? "none taken" : actions.joined(separator: "; ")
        lines.append("action:   \(action)")
        lines.append("took:     \(diagnosis.durationMilliseconds) ms, rules fired: "
            + (diagnosis.rulesFired.isEmpty ? "none" : diagnosis.rulesFired.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    static func meaning(of verdict: Verdict) -> String {
        switch verdict {
        case .healthy: "the device works; the fault is elsewhere (back to first level)"
        case .remediable: "a configuration or state problem second level can fix (see remedy)"
        case .replace: "the hardware is broken; send a replacement"
        case .escalate: "beyond second level; third level gets a ticket with the evidence"
        }
    }
}
