public import Foundation
public import TriageCore

/// The service's durable job queue. `AppDatabase` (SQLite) is one; the calls take and return plain
/// values so that another backend can stand beside it.
///
/// Every call is one transaction. A job is at most once `running` per device, and a ticket (system
/// and id) makes one job however often it is delivered.
public protocol EscalationJobStore: Sendable {
    /// Inserts a queued job for the ticket, or returns the job the same ticket made before: one
    /// transaction, so two deliveries at once still make one job. Committed when this returns.
    func submitJob(ticket: TicketReference, deviceID: String, source: EscalationJob.Source, now: Date) async throws -> JobSubmission
    func job(id: UUID) async throws -> EscalationJob?
    /// The oldest queued job whose device has no running job, marked running (attempts + 1) in the
    /// same transaction; nil when there is none.
    func claimNextJob(now: Date) async throws -> EscalationJob?
    func finishJob(id: UUID, diagnosisID: String, verdict: String, now: Date) async throws
    func failJob(id: UUID, error: String, now: Date) async throws
    /// Hands a running job back to the queue (shutdown cut it off): it runs again.
    func requeueJob(id: UUID) async throws
    /// On start: jobs a dead process left running go back to the queue. Returns how many.
    func requeueRunningJobs() async throws -> Int
    func jobCounts() async throws -> JobCounts
}
