public import TriageCore

/// A diagnosis read back from the store, with everything recorded about it.
public struct StoredDiagnosis: Sendable, Hashable, Codable {
    public var record: DiagnosisRecord
    public var findings: [Finding]
    /// The redacted sections; empty once retention pruned them.
    public var evidence: [ProbeSection]
    public var audit: [AuditRecord]
    /// The outbox rows this diagnosis made.
    public var deliveries: [OutboxRecord]

    public init(record: DiagnosisRecord, findings: [Finding], evidence: [ProbeSection], audit: [AuditRecord],
                deliveries: [OutboxRecord]) {
        self.record = record
        self.findings = findings
        self.evidence = evidence
        self.audit = audit
        self.deliveries = deliveries
    }

    /// The diagnosis as it was recorded (evidence as far as retention kept it).
    public var diagnosis: Diagnosis? {
        guard let id = UUIDParsing.uuid(record.id) else { return nil }
        return Diagnosis(id: id, device: record.device, requestedBy: record.requestedBy, originTicket: record.originTicket,
                         startedAt: record.startedAt, durationMilliseconds: record.durationMilliseconds,
                         verdict: record.verdict, findings: findings, rulesFired: record.rulesFired,
                         probeSHA256: record.probeSHA256, sections: evidence, warnings: record.warnings,
                         triageVersion: record.triageVersion)
    }
}
