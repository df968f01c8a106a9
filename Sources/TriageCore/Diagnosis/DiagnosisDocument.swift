import Foundation

/// `triage diagnose --json`: one diagnosis as one JSON document, format `triage.diagnosis`
/// version 1 (Docs/diagnosis-json.md). Keys are snake_case; new keys may be added within a
/// version, none are removed or change meaning. `triage store record` reads it back
/// (`DiagnosisDocument+Reading.swift`); `facts` are derived from `sections` and not read.
public struct DiagnosisDocument: Codable, Sendable {
    public static let format = "triage.diagnosis"
    public static let version = 1

    struct FindingEntry: Codable, Sendable {
        var component: String
        var code: String
        var severity: String
        var verdict: String
        var security: Bool
        var message: String
        var remedy: String?
        var reference: String?
        var rule: String
        var evidence: [Evidence]
    }

    var format = Self.format
    var version = Self.version
    var id: String
    var verdict: String
    var exitStatus: Int32
    var device: DeviceSummary
    var requestedBy: String
    var originTicket: String?
    var startedAt: String
    var durationMs: Int
    var findings: [FindingEntry]
    var remedies: [String]
    var rulesFired: [String]
    var probeSha256: [String: String]
    var warnings: [String]
    var actions: [String]
    var triageVersion: String
    /// The redacted raw sections, so that the document is the whole record (added in version 1).
    var sections: [SectionEntry]
    var facts: JSONValue

    enum CodingKeys: String, CodingKey {
        case format, version, id, verdict, exitStatus = "exit_status", device, requestedBy = "requested_by"
        case originTicket = "origin_ticket", startedAt = "started_at", durationMs = "duration_ms", findings, remedies
        case rulesFired = "rules_fired", probeSha256 = "probe_sha256", warnings, actions
        case triageVersion = "triage_version", sections, facts
    }

    public init(_ diagnosis: Diagnosis, facts: JSONValue, actions: [String]) {
        id = diagnosis.id.uuidString.lowercased()
        verdict = diagnosis.verdict.rawValue
        exitStatus = diagnosis.verdict.exitStatus
        device = diagnosis.device
        requestedBy = diagnosis.requestedBy
        originTicket = diagnosis.originTicket
        startedAt = InternetTimestamp.string(from: diagnosis.startedAt)
        durationMs = diagnosis.durationMilliseconds
        findings = diagnosis.findings.map { finding in
            FindingEntry(component: finding.component.rawValue, code: finding.code, severity: finding.severity.rawValue,
                         verdict: finding.verdict.rawValue, security: finding.isSecurity, message: finding.message,
                         remedy: finding.remedy, reference: finding.reference, rule: finding.ruleID, evidence: finding.evidence)
        }
        remedies = diagnosis.remedies
        rulesFired = diagnosis.rulesFired
        probeSha256 = diagnosis.probeSHA256
        warnings = diagnosis.warnings
        self.actions = actions
        triageVersion = diagnosis.triageVersion
        sections = diagnosis.sections.map(SectionEntry.init)
        self.facts = facts
    }

    /// Pretty-printed, keys sorted: stable for diffs and golden files.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
