import Foundation
import Logging
public import TriageCore
import TriageInventory
public import TriageStore

/// The one way an escalation becomes a job, for `POST /v1/escalations` (after authentication) and
/// for the Request Tracker watcher: the fields are checked, the device must be in the inventory (a
/// request never names where Triage connects), and the job is committed before this returns.
/// A ticket seen before returns its first job.
public struct EscalationIntake: Sendable {
    let store: any EscalationJobStore
    let devices: Set<String>
    let status: ServiceStatus
    let doorbell: Doorbell
    let metrics: ServiceMetrics
    let logger: Logger

    init(store: any EscalationJobStore, inventory: Inventory, status: ServiceStatus, doorbell: Doorbell,
         metrics: ServiceMetrics, logger: Logger) {
        self.store = store
        devices = Set(inventory.devices.map(\.id))
        self.status = status
        self.doorbell = doorbell
        self.metrics = metrics
        self.logger = logger
    }

    public func submit(ticket: TicketReference, deviceID: String, source: EscalationJob.Source) async throws(IntakeError)
        -> JobSubmission {
        do {
            let submission = try await take(ticket: ticket, deviceID: deviceID, source: source)
            metrics.accepted(new: submission.created)
            return submission
        } catch {
            metrics.rejected(error.reason.rawValue)
            throw error
        }
    }

    private func take(ticket: TicketReference, deviceID: String, source: EscalationJob.Source) async throws(IntakeError)
        -> JobSubmission {
        guard !status.isDraining else { throw IntakeError(.shuttingDown, "the service is shutting down; send the escalation again later") }
        if let problem = EscalationValidation.problem(ticket: ticket, deviceID: deviceID) { throw IntakeError(.invalid, problem) }
        guard devices.contains(deviceID) else {
            throw IntakeError(.unknownDevice, "no device with this id in the inventory; nothing was queued")
        }
        let submission: JobSubmission
        do {
            submission = try await store.submitJob(ticket: ticket, deviceID: deviceID, source: source, now: Date())
        } catch {
            logger.error("job not stored", metadata: ["ticket": "\(ticket.originTicket)", "device": "\(deviceID)", "error": "\(error)"])
            throw IntakeError(.store, "the store did not take the job; nothing was accepted, send it again later")
        }
        var logger = logger
        logger[metadataKey: "job"] = "\(submission.job.id.uuidString.lowercased())"
        logger[metadataKey: "device"] = "\(submission.job.deviceID)"
        logger[metadataKey: "ticket"] = "\(submission.job.ticket.originTicket)"
        if submission.created {
            logger.info("escalation queued", metadata: ["source": "\(source.rawValue)"])
            doorbell.ring()
        } else {
            logger.info("escalation repeated; answered with its first job", metadata: ["state": "\(submission.job.state.rawValue)"])
        }
        return submission
    }
}
