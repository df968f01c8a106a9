import Foundation
import Logging
import TriageActions
import TriageCore
import TriageEngine
import TriageInventory
import TriageStore

/// One job, start to end: the engine diagnoses the device and records the diagnosis with its
/// action (order, ticket, comment on the origin ticket), the outbox is delivered, and the job is
/// marked done with the verdict. Triage's own failure fails the job without a verdict; a job cut
/// off by shutdown goes back to the queue.
struct JobExecution: Sendable {
    static let requester = "triage-serve"

    let store: any EscalationJobStore
    let engine: TriageEngine
    let metrics: ServiceMetrics
    let interruption: InterruptionReason
    let logger: Logger

    func run(_ job: EscalationJob) async {
        var logger = logger
        logger[metadataKey: "job"] = "\(job.id.uuidString.lowercased())"
        logger[metadataKey: "device"] = "\(job.deviceID)"
        logger[metadataKey: "ticket"] = "\(job.ticket.originTicket)"
        logger.info("job started", metadata: ["attempt": "\(job.attempts)"])
        guard let device = engine.inventory.device(id: job.deviceID) else {
            return await end(job, .failed("device \(job.deviceID) is no longer in the inventory"), logger: logger)
        }
        let request = DiagnosisRequest(requestedBy: Self.requester, originTicket: job.ticket.originTicket, act: true,
                                       interruption: interruption)
        let result = await engine.diagnose(device, request)
        if let failure = result.outcome?.connectionFailure { metrics.transportFailure(code: failure.code.rawValue) }
        switch result.status {
        case .diagnosed(let diagnosis, _, let recorded):
            metrics.diagnosed(verdict: diagnosis.verdict.rawValue, duration: result.outcome?.duration ?? .zero)
            let report = await engine.deliverPending()
            metrics.delivered(report)
            await end(job, .done(diagnosisID: recorded.diagnosisID, verdict: diagnosis.verdict.rawValue), logger: logger)
        case .notRecorded(_, _, let error):
            await end(job, .failed("the diagnosis was made but the store refused it, so nothing was ordered: \(error)"), logger: logger)
        case .ownFailure(let reason, _):
            await end(job, .failed("Triage's own failure, no verdict about the device: \(reason)"), logger: logger)
        case .interrupted, .notStarted:
            await end(job, .requeued, logger: logger)
        }
    }

    private enum Ending {
        case done(diagnosisID: String, verdict: String)
        case failed(String)
        case requeued
    }

    /// Written even when shutdown cancelled the job: the store call runs in a task of its own
    /// (awaited) that the cancellation does not reach. A write that still fails leaves the job
    /// running; the next start hands it back to the queue.
    private func end(_ job: EscalationJob, _ ending: Ending, logger: Logger) async {
        let store = store
        let written = await Task.detached { () -> (any Error)? in
            do {
                switch ending {
                case .done(let diagnosisID, let verdict):
                    try await store.finishJob(id: job.id, diagnosisID: diagnosisID, verdict: verdict, now: Date())
                case .failed(let reason): try await store.failJob(id: job.id, error: reason, now: Date())
                case .requeued: try await store.requeueJob(id: job.id)
                }
                return nil
            } catch {
                return error
            }
        }.value
        if let written {
            logger.error("job state not written; it runs again after a restart", metadata: ["error": "\(written)"])
            return
        }
        switch ending {
        case .done(let diagnosisID, let verdict):
            metrics.jobEnded(.done)
            logger.info("job done", metadata: ["verdict": "\(verdict)", "diagnosis": "\(diagnosisID)"])
        case .failed(let reason):
            metrics.jobEnded(.failed)
            logger.warning("job failed", metadata: ["reason": "\(reason)"])
        case .requeued:
            logger.info("job interrupted; back in the queue")
        }
    }
}
