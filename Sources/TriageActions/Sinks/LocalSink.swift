import TriageStore

/// `sink: local`: the order, ticket or note already is in the SQLite file; delivery only
/// confirms it, so that `triage outbox` shows nothing pending.
struct LocalSink: ActionSink {
    func deliver(_ entry: OutboxEntry, progress: String?, saveProgress: @Sendable (String) async throws -> Void) async throws(DeliveryFailure) -> String {
        "local:\(entry.outbox.kind.rawValue)/\(entry.outbox.actionID)"
    }
}
