/// How many jobs are in each state, and what waits in the outbox: the service's metrics and readiness.
public struct JobCounts: Sendable, Hashable {
    public var byState: [EscalationJob.State: Int]
    /// Orders, tickets and notes not delivered yet.
    public var outboxBacklog: Int
    /// Undelivered outbox rows whose last attempt failed.
    public var outboxFailing: Int

    public init(byState: [EscalationJob.State: Int], outboxBacklog: Int, outboxFailing: Int) {
        self.byState = byState
        self.outboxBacklog = outboxBacklog
        self.outboxFailing = outboxFailing
    }

    public subscript(state: EscalationJob.State) -> Int { byState[state] ?? 0 }
}
