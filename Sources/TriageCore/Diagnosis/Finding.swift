/// One thing a rule found, with the evidence it rests on.
public struct Finding: Sendable, Hashable, Codable {
    public var component: Component
    /// A stable code, e.g. `wlan.radio-disabled`, that tickets and statistics can key on.
    public var code: String
    public var severity: Severity
    public var message: String
    /// The verdict this finding alone calls for.
    public var verdict: Verdict
    /// A security finding (host key changed) decides the verdict over every other finding.
    public var isSecurity: Bool
    /// What second level should do, for `remediable` findings.
    public var remedy: String?
    /// A third-level knowledge article, when the rule names one.
    public var reference: String?
    public var evidence: [Evidence]
    /// The id of the rule that made the finding.
    public var ruleID: String

    public init(component: Component, code: String, severity: Severity, message: String, verdict: Verdict,
                isSecurity: Bool = false, remedy: String? = nil, reference: String? = nil,
                evidence: [Evidence] = [], ruleID: String) {
        self.component = component
        self.code = code
        self.severity = severity
        self.message = message
        self.verdict = verdict
        self.isSecurity = isSecurity
        self.remedy = remedy
        self.reference = reference
        self.evidence = evidence
        self.ruleID = ruleID
    }
}

/// Raw lines of one probe section that support a finding.
public struct Evidence: Sendable, Hashable, Codable {
    /// The section's subject: the command line or file path.
    public var section: String
    public var lines: [String]

    public init(section: String, lines: [String]) {
        self.section = section
        self.lines = lines
    }
}
