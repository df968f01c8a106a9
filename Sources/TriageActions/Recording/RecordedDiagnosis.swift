public import TriageStore

/// What `DiagnosisRecorder.record` stored.
public struct RecordedDiagnosis: Sendable, Hashable {
    public var diagnosisID: String
    /// The order, ticket or note, new or found by its idempotency key; nil with `act: false`.
    public var action: SavedAction?
    /// Evidence rows removed by retention on this occasion.
    public var prunedEvidence: Int
}
