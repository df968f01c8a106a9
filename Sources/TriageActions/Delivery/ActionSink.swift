public import TriageStore

/// Where an outbox entry goes. A sink must be safe to call again for the same entry: the outbox
/// delivers at least once, and the entry's idempotency key is how the sink makes that once in effect.
public protocol ActionSink: Sendable {
    /// Delivers one entry; returns the sink's reference for it (a ticket number, `local`).
    /// `progress` is what an earlier, interrupted attempt finished; `saveProgress` records a step.
    func deliver(_ entry: OutboxEntry, progress: String?, saveProgress: @Sendable (String) async throws -> Void) async throws(DeliveryFailure) -> String
}
