import Foundation
import TriageCore
import TriageReport

/// The diagnosis as a technician reads it in five seconds: the verdict, the cause in one sentence
/// and what to do first; one line per component; then the findings, most severe first, with the
/// evidence folded to the lines that matter (`--evidence` for all of it). `triage diagnose` and
/// `triage show` print the same.
struct DiagnosisSummary {
    let digest: DiagnosisDigest
    /// What was recorded and opened (order, ticket, note), one line each.
    let actions: [String]
    /// Show every evidence line.
    let allEvidence: Bool

    init(_ diagnosis: Diagnosis, actions: [String], allEvidence: Bool = false) {
        digest = DiagnosisDigest(diagnosis)
        self.actions = actions
        self.allEvidence = allEvidence
    }

    var lines: [SummaryLine] {
        let diagnosis = digest.diagnosis
        var lines = [SummaryLine(diagnosis.verdict.rawValue.uppercased(), Self.tone(of: diagnosis.verdict), ": \(digest.meaning)"),
                     SummaryLine("cause:   ", .bold, digest.cause),
                     SummaryLine("to do:   ", .bold, digest.todo),
                     SummaryLine("done:    ", .bold, actions.isEmpty ? "nothing opened" : actions.joined(separator: "; ")),
                     SummaryLine("")]
        lines += digest.components.map {
            SummaryLine(Self.padded($0.health.rawValue, 10), Self.tone(of: $0.health), $0.detail, label: "  " + Self.padded($0.name, 11))
        }
        lines.append(SummaryLine(""))
        lines.append(SummaryLine("device:  ", nil, Self.describe(diagnosis.device)))
        lines += findingLines
        if !diagnosis.warnings.isEmpty {
            lines.append(SummaryLine("notes:   ", .dim,
                                     "\(diagnosis.warnings.count) thing(s) could not be read; first: \(diagnosis.warnings[0])"))
        }
        lines.append(SummaryLine("took:    ", .dim, "\(diagnosis.durationMilliseconds) ms, rules fired: "
            + (diagnosis.rulesFired.isEmpty ? "none" : diagnosis.rulesFired.joined(separator: ", "))))
        return lines
    }

    private var findingLines: [SummaryLine] {
        guard !digest.findings.isEmpty else { return [SummaryLine("findings: ", nil, "none; every rule passed")] }
        var lines = [SummaryLine("findings, most severe first:")]
        for finding in digest.findings {
            let severity = finding.isSecurity ? "security" : finding.severity.rawValue
            lines.append(SummaryLine("  [\(severity)] ", Self.tone(of: finding), "\(finding.component.rawValue) \(finding.code): \(finding.message)"))
            if let remedy = finding.remedy { lines.append(SummaryLine("      remedy: ", nil, remedy)) }
            for evidence in finding.evidence.map({ FoldedEvidence($0, of: finding, all: allEvidence) }) {
                lines.append(SummaryLine("      ", nil, evidence.section))
                lines += evidence.lines.map { SummaryLine("        | ", .dim, $0) }
                if evidence.hidden > 0 { lines.append(SummaryLine("        | … \(evidence.hidden) more line(s) (--evidence)", .dim)) }
            }
            lines.append(SummaryLine("      rule \(finding.ruleID), calls for \(finding.verdict.rawValue)", .dim,
                                     finding.reference.map { "; see \($0)" } ?? ""))
        }
        return lines
    }

    static func tone(of verdict: Verdict) -> TerminalStyle.Tone {
        switch verdict {
        case .healthy: .green
        case .remediable: .yellow
        case .replace: .red
        case .escalate: .magenta
        }
    }

    private static func tone(of health: ComponentState.Health) -> TerminalStyle.Tone {
        switch health {
        case .ok: .green
        case .info, .notSeen: .dim
        case .warning: .yellow
        case .fault: .red
        }
    }

    private static func tone(of finding: Finding) -> TerminalStyle.Tone {
        finding.isSecurity || finding.severity == .critical ? .red : finding.severity == .warning ? .yellow : .dim
    }

    private static func describe(_ device: DeviceSummary) -> String {
        let identity = [device.model, device.firmware, device.serial.map { "serial \($0)" }, device.customer.map { "customer \($0)" }]
            .compactMap { $0 }
        return "\(device.id) at \(device.host)" + (identity.isEmpty ? "" : " (\(identity.joined(separator: ", ")))")
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
