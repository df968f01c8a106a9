import Foundation
public import TriageCore

/// The plain-text renderings people read: ticket bodies, notes, the evidence attachment.
public enum ActionText {
    /// Device, verdict, findings with their evidence lines, remedies.
    public static func report(_ diagnosis: Diagnosis) -> String {
        var lines = ["Device: \(describe(diagnosis.device))",
                     "Verdict: \(diagnosis.verdict.rawValue)",
                     "Diagnosis: \(diagnosis.id.uuidString.lowercased()) (requested by \(diagnosis.requestedBy))"]
        if let ticket = diagnosis.originTicket { lines.append("Originating ticket: \(ticket)") }
        lines.append("")
        lines.append(contentsOf: findings(diagnosis.findings))
        let remedies = diagnosis.remedies
        if !remedies.isEmpty {
            lines.append("")
            lines.append("Remedy:")
            lines.append(contentsOf: remedies.map { "- \($0)" })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func findings(_ findings: [Finding]) -> [String] {
        guard !findings.isEmpty else { return ["Findings: none"] }
        var lines = ["Findings:"]
        for finding in findings {
            lines.append("- [\(finding.severity.rawValue)] \(finding.code): \(finding.message) (rule \(finding.ruleID))")
            for evidence in finding.evidence {
                lines.append("    \(evidence.section):")
                lines.append(contentsOf: evidence.lines.map { "      \($0)" })
            }
        }
        return lines
    }

    /// The raw sections, framed so a person can read them in a ticket attachment.
    public static func evidence(_ sections: [ProbeSection]) -> String {
        guard !sections.isEmpty else { return "(no evidence stored: pruned by retention, or none was collected)\n" }
        return sections.map { section in
            var header = "=== \(section.kind.rawValue): \(section.subject)"
            if let code = section.exitCode { header += " (exit \(code))" }
            if section.isAbsent { header += " (absent)" }
            if section.isTruncated { header += " (truncated)" }
            var text = header + "\n" + section.output
            if !text.hasSuffix("\n") { text += "\n" }
            if !section.errorOutput.isEmpty { text += "--- stderr\n" + section.errorOutput + "\n" }
            return text
        }.joined()
    }

    public static func describe(_ device: DeviceSummary) -> String {
        var parts = ["\(device.id) (\(device.host))"]
        if let model = device.model { parts.append(model) }
        if let serial = device.serial { parts.append("serial \(serial)") }
        if let customer = device.customer { parts.append("customer \(customer)") }
        return parts.joined(separator: ", ")
    }
}
