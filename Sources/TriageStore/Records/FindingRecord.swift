public import TriageCore

/// One row of `findings`: a finding of one diagnosis, in the order the rules reported it.
public struct FindingRecord: Codable, Sendable, Hashable, StoredRecord {
    static let databaseTableName = "findings"

    public var id: Int64?
    public var diagnosisID: String
    public var position: Int
    public var component: Component
    public var code: String
    public var severity: Severity
    public var message: String
    public var verdict: Verdict
    public var isSecurity: Bool
    public var remedy: String?
    public var reference: String?
    public var evidence: [Evidence]
    public var ruleID: String

    public init(_ finding: Finding, diagnosisID: String, position: Int) {
        self.diagnosisID = diagnosisID
        self.position = position
        component = finding.component
        code = finding.code
        severity = finding.severity
        message = StoredText.visible(finding.message)
        verdict = finding.verdict
        isSecurity = finding.isSecurity
        remedy = StoredText.visible(finding.remedy)
        reference = finding.reference
        evidence = finding.evidence
        ruleID = finding.ruleID
    }

    public var finding: Finding {
        Finding(component: component, code: code, severity: severity, message: message, verdict: verdict,
                isSecurity: isSecurity, remedy: remedy, reference: reference, evidence: evidence, ruleID: ruleID)
    }

    mutating func didInsert(rowID: Int64) { id = rowID }
}
