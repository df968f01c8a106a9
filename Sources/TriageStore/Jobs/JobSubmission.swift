/// What submitting an escalation made: a new job, or the job the same ticket made before.
public struct JobSubmission: Sendable, Hashable {
    public var job: EscalationJob
    /// False when the ticket (system and id) was escalated before: `job` is that first job.
    public var created: Bool

    public init(job: EscalationJob, created: Bool) {
        self.job = job
        self.created = created
    }
}
