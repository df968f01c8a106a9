public import Foundation

/// A job that a worker holds under its lease. A diagnosis saved with its hold is recorded only
/// while the hold stands, checked in the same transaction: a worker that lost the job (stalled past
/// its lease, so another worker took it) records nothing, and one escalation never gets two
/// diagnoses, whichever of the two workers finishes first.
public struct JobHold: Sendable, Hashable {
    public let jobID: UUID
    public let worker: String

    public init(jobID: UUID, worker: String) {
        self.jobID = jobID
        self.worker = worker
    }
}

/// A save refused because the job it was made for is no longer held by that worker.
public struct JobHoldLost: Error, CustomStringConvertible {
    public let hold: JobHold

    public init(hold: JobHold) {
        self.hold = hold
    }

    public var description: String {
        "job \(hold.jobID.uuidString.lowercased()) is no longer held by worker \(hold.worker) (its lease ran out and another "
            + "worker took it): this diagnosis is not recorded, the other worker's stands"
    }
}
