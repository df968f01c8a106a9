public import Foundation

/// A sweep put into the job queue (`triage sweep --enqueue`): its id and how many jobs it made.
public struct EscalationSweep: Sendable, Hashable {
    public var id: UUID
    /// One job per distinct device.
    public var jobCount: Int
    public var requestedBy: String
    public var createdAt: Date

    public init(id: UUID, jobCount: Int, requestedBy: String, createdAt: Date) {
        self.id = id
        self.jobCount = jobCount
        self.requestedBy = requestedBy
        self.createdAt = createdAt
    }
}
