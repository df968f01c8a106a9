/// How far an enqueued sweep got: its jobs per state, the verdicts of the finished ones, and the
/// devices whose job failed with the reason (Triage's own failures, not verdicts).
public struct SweepProgress: Sendable, Hashable {
    public struct Failure: Sendable, Hashable {
        public var deviceID: String
        public var reason: String

        public init(deviceID: String, reason: String) {
            self.deviceID = deviceID
            self.reason = reason
        }
    }

    public var sweep: EscalationSweep
    public var byState: [EscalationJob.State: Int]
    /// Verdict (raw value) → how many finished jobs gave it.
    public var verdicts: [String: Int]
    /// Failed jobs, by device id.
    public var failures: [Failure]

    public init(sweep: EscalationSweep, byState: [EscalationJob.State: Int], verdicts: [String: Int], failures: [Failure]) {
        self.sweep = sweep
        self.byState = byState
        self.verdicts = verdicts
        self.failures = failures
    }

    public subscript(state: EscalationJob.State) -> Int { byState[state] ?? 0 }
    /// Jobs that ended, done or failed.
    public var finished: Int { self[.done] + self[.failed] }
    /// True when every job of the sweep ended.
    public var isComplete: Bool { finished >= sweep.jobCount }
}
