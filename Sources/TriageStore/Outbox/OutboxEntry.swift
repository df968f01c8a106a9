public import TriageCore

/// An outbox row with the order, ticket or note it delivers: what a sink needs.
public struct OutboxEntry: Sendable, Hashable {
    public var outbox: OutboxRecord
    public var action: ActionDraft
    public var diagnosis: DiagnosisRecord
    /// The diagnosis' redacted sections (empty for notes, and once retention pruned them).
    public var evidence: [ProbeSection]

    public init(outbox: OutboxRecord, action: ActionDraft, diagnosis: DiagnosisRecord, evidence: [ProbeSection]) {
        self.outbox = outbox
        self.action = action
        self.diagnosis = diagnosis
        self.evidence = evidence
    }
}
