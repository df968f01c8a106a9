import Foundation
import Logging
import TriageActions
import TriageCore
import TriageEngine
import TriageInventory
import TriageStore

/// One job, start to end, while this worker holds its lease: the engine diagnoses the device and
/// records the diagnosis with its action (order, ticket, comment on the origin ticket), the job is
/// marked done with the verdict, and the delivery loop is woken to send the outbox. Triage's own
/// failure fails the job without a verdict; a job cut off by shutdown goes back to the queue. A
/// job whose lease this worker lost (another worker took it) is abandoned: nothing more is written.
struct JobExecution: Sendable {
    static let requester = "triage-serve"
    /// Runs of a job whose diagnosis the store refused to record before it fails: a store that is
    /// restarting takes it on a later run; one that keeps refusing (a full disk) fails it.
    static let recordingAttempts = 3

    let store: any RecordStore
    let engine: TriageEngine
    let lease: JobLease
    let metrics: ServiceMetrics
    let interruption: InterruptionReason
    /// Rung when a diagnosis was recorded: the process's one delivery loop sends the outbox.
    let delivery: Doorbell
    let logger: Logger

    func run(_ job: EscalationJob) async {
        let jobMetadata: Logger.Metadata = [
            "job": "\(job.id.uuidString.lowercased())",
            "device": "\(job.deviceID)",
            "ticket": "\(job.originTicket ?? job.ticket.originTicket)",
        ]
        var logger = logger
        for (key, value) in jobMetadata { logger[metadataKey: key] = value }
        logger.info("job started", metadata: ["attempt": "\(job.attempts)", "worker": "\(lease.worker)"])
        metrics.jobClaimed()
        if job.attempts > 1, let earlier = await earlierDiagnosis(of: job, logger: logger) {
            // A worker that died (or lost its lease) recorded this job's diagnosis before it could
            // mark the job done: finish with that diagnosis instead of probing and recording twice.
            delivery.ring()
            return await end(job, .done(diagnosisID: earlier.id, verdict: earlier.verdict.rawValue), logger: logger)
        }
        guard let device = engine.inventory.device(id: job.deviceID) else {
            return await end(job, .failed("device \(job.deviceID) is no longer in the inventory"), logger: logger)
        }
        let request = DiagnosisRequest(requestedBy: Self.requestedBy(job), originTicket: job.originTicket, act: true,
                                       interruption: interruption, logMetadata: jobMetadata,
                                       heldJob: JobHold(jobID: job.id, worker: lease.worker))
        guard let result = await lease.holding(job, logger: logger, { await engine.diagnose(device, request) }) else {
            metrics.leaseLost()
            logger.warning("lease lost: another worker has the job; this worker records nothing more for it")
            return
        }
        if let failure = result.outcome?.connectionFailure { metrics.transportFailure(code: failure.code.rawValue) }
        switch result.status {
        case .diagnosed(let diagnosis, _, let recorded):
            metrics.diagnosed(verdict: diagnosis.verdict.rawValue, duration: result.outcome?.duration ?? .zero)
            delivery.ring()
            await end(job, .done(diagnosisID: recorded.diagnosisID, verdict: diagnosis.verdict.rawValue), logger: logger)
        case .notRecorded(_, _, let error) where error is JobHoldLost:
            // Stalled past the lease while diagnosing: another worker runs the job, and its diagnosis stands.
            metrics.leaseLost()
            logger.warning("lease lost before the diagnosis was recorded: another worker has the job; nothing recorded here",
                           metadata: ["error": "\(error)"])
        case .notRecorded(_, _, let error) where job.attempts < Self.recordingAttempts:
            // The store refused the record (PostgreSQL restarting, SQLite locked): nothing was
            // recorded or ordered, so the job goes back to the queue and runs again later.
            logger.warning("the store refused the diagnosis; the job goes back to the queue", metadata: ["error": "\(error)"])
            await end(job, .released, logger: logger)
        case .notRecorded(_, _, let error):
            await end(job, .failed("the diagnosis was made but the store refused it \(job.attempts) times, so nothing was ordered: \(error)"),
                      logger: logger)
        case .ownFailure(let reason, _):
            await end(job, .failed("Triage's own failure, no verdict about the device: \(reason)"), logger: logger)
        case .interrupted, .notStarted:
            await end(job, .released, logger: logger)
        }
    }

    /// Who the diagnosis says asked for it: the service, or the sweep (so a retry finds it).
    static func requestedBy(_ job: EscalationJob) -> String {
        job.sweepID.map { "\(requester) sweep \($0.uuidString.lowercased())" } ?? requester
    }

    /// The diagnosis an earlier attempt of this job recorded, if any: the device's diagnosis asked
    /// for by the same requester for the same origin ticket since the job was made.
    private func earlierDiagnosis(of job: EscalationJob, logger: Logger) async -> DiagnosisRecord? {
        do {
            return try await store.history(deviceID: job.deviceID).first { record in
                record.requestedBy == Self.requestedBy(job) && record.originTicket == job.originTicket
                    && record.recordedAt >= job.createdAt
            }
        } catch {
            logger.warning("cannot look for an earlier attempt's diagnosis; diagnosing again", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private enum Ending {
        case done(diagnosisID: String, verdict: String)
        case failed(String)
        case released
    }

    /// Written even when shutdown cancelled the job: the store call runs in a task of its own
    /// (awaited) that the cancellation does not reach. A write that fails leaves the job running
    /// under a lease that is no longer renewed: once it expires, a worker runs the job again.
    private func end(_ job: EscalationJob, _ ending: Ending, logger: Logger) async {
        let store = store
        let worker = lease.worker
        let written = await Task.detached { () -> Result<Bool, any Error> in
            do {
                switch ending {
                case .done(let diagnosisID, let verdict):
                    return .success(try await store.finishJob(id: job.id, worker: worker, diagnosisID: diagnosisID,
                                                              verdict: verdict, now: Date()))
                case .failed(let reason): return .success(try await store.failJob(id: job.id, worker: worker, error: reason, now: Date()))
                case .released: return .success(try await store.releaseJob(id: job.id, worker: worker))
                }
            } catch {
                return .failure(error)
            }
        }.value
        switch written {
        case .failure(let error):
            logger.error("job state not written; it runs again once its lease expires", metadata: ["error": "\(error)"])
            return
        case .success(false):
            metrics.leaseLost()
            logger.warning("lease lost before the job ended: another worker has it; its result there stands")
            return
        case .success(true): break
        }
        switch ending {
        case .done(let diagnosisID, let verdict):
            metrics.jobEnded(.done)
            logger.info("job done", metadata: ["verdict": "\(verdict)", "diagnosis": "\(diagnosisID)"])
        case .failed(let reason):
            metrics.jobEnded(.failed)
            logger.warning("job failed", metadata: ["reason": "\(reason)"])
        case .released:
            logger.info("job interrupted; back in the queue")
        }
    }
}
