public import TriageCore

/// A diagnosis as a technician reads it, often with the customer on the line: the verdict, the
/// cause in one sentence, what to do, one state per component, then the findings most severe first.
/// The terminal summary and the HTML report both show this, so they never disagree.
public struct DiagnosisDigest: Sendable {
    public let diagnosis: Diagnosis
    /// The finding that decides the verdict; `nil` when no rule found anything.
    public let deciding: Finding?
    /// The findings, most severe first (security, then severity, then the verdict each calls for).
    public let findings: [Finding]
    public let components: [ComponentState]

    public init(_ diagnosis: Diagnosis) {
        self.diagnosis = diagnosis
        findings = diagnosis.findings.enumerated().sorted { left, right in
            let (a, b) = (Self.weight(left.element), Self.weight(right.element))
            return a != b ? a > b : left.offset < right.offset
        }.map(\.element)
        deciding = findings.first { $0.isSecurity || $0.verdict == diagnosis.verdict } ?? findings.first
        components = Component.allCases.map { ComponentState($0, in: diagnosis) }
    }

    /// The verdict in words: what it means for the case.
    public var meaning: String { VerdictWords.meaning(of: diagnosis.verdict) }

    /// The cause in one sentence: the deciding finding's message.
    public var cause: String {
        guard let deciding else { return "Every rule passed: no fault found on the router." }
        return deciding.message
    }

    /// What the technician does now: the remedy of the deciding finding, else the verdict's step.
    public var todo: String {
        if let remedy = deciding?.remedy { return remedy }
        if let remedy = diagnosis.remedies.first, diagnosis.verdict == .remediable { return remedy }
        return VerdictWords.step(for: diagnosis.verdict)
    }

    private static func weight(_ finding: Finding) -> Int {
        (finding.isSecurity ? 100 : 0) + severityRank(finding.severity) * 10 + VerdictWords.rank(finding.verdict)
    }

    static func severityRank(_ severity: Severity) -> Int {
        switch severity {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }
}
