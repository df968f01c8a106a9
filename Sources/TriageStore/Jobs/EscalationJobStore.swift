public import Foundation
public import TriageCore

/// The service's durable job queue, shared by every `triage serve` worker on one store.
/// `AppDatabase` (SQLite) is one; the calls take and return plain values so that another backend
/// (PostgreSQL) stands beside it with the same promises.
///
/// Every call is one transaction. A ticket (system and id) makes one job however often it is
/// delivered. A worker holds a running job under a lease it renews; a worker that dies stops
/// renewing, its lease expires and another worker claims the job. The calls that end a job take
/// the worker and change the job only while that worker still holds it, so a job completes once
/// even when a stalled worker wakes up after losing its lease. At most one job per device runs
/// under a live lease, across all workers.
public protocol EscalationJobStore: Sendable {
    /// Inserts a queued job for the ticket, or returns the job the same ticket made before: one
    /// transaction, so two deliveries at once still make one job. Committed when this returns.
    func submitJob(ticket: TicketReference, deviceID: String, source: EscalationJob.Source, now: Date) async throws -> JobSubmission
    func job(id: UUID) async throws -> EscalationJob?

    /// Takes the oldest job that is queued, or running under a lease that expired before `now`,
    /// whose device has no other running job with a live lease; marks it running by `worker`
    /// until `now + lease`, attempts + 1, in the same transaction. Nil when there is none.
    /// (PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED`.)
    func claimNextJob(worker: String, lease: TimeInterval, now: Date) async throws -> EscalationJob?
    /// Extends the lease to `now + lease`. False when the job is no longer running by `worker`
    /// (another worker claimed it after the lease expired, or it ended): the worker lost it and
    /// must abandon the job without recording a result.
    func renewJobLease(id: UUID, worker: String, lease: TimeInterval, now: Date) async throws -> Bool
    /// Marks the job done with its diagnosis, only while `worker` holds it. False: it did not.
    func finishJob(id: UUID, worker: String, diagnosisID: String, verdict: String, now: Date) async throws -> Bool
    /// Marks the job failed (Triage's own failure, never a verdict), only while `worker` holds it.
    func failJob(id: UUID, worker: String, error: String, now: Date) async throws -> Bool
    /// Hands a running job back to the queue (shutdown cut it off), only while `worker` holds it:
    /// any worker runs it again.
    func releaseJob(id: UUID, worker: String) async throws -> Bool
    func jobCounts() async throws -> JobCounts

    /// Puts one queued job per device (duplicates dropped, order kept) in the queue as one sweep,
    /// in one transaction. Sweep jobs have no originating ticket: their diagnoses open an order or
    /// ticket as `triage sweep` does, and a second sweep of the same fault makes none again.
    func enqueueSweep(deviceIDs: [String], requestedBy: String, now: Date) async throws -> EscalationSweep
    /// A sweep's jobs per state, its verdicts and its failures; nil for an unknown id.
    func sweepProgress(id: UUID) async throws -> SweepProgress?
}
