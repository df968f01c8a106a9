import Logging
import ServiceLifecycle
import TriageActions
import TriageStore

/// The service's second intake (`rt.intake` in the config): polls Request Tracker's intake queue
/// and submits each ticket with a device id through the same `EscalationIntake` as the HTTP
/// route. A ticket whose device is not in the inventory, or whose fields are malformed, is set
/// aside with a comment; one the service cannot take now (shutting down, store trouble) is left
/// for the next poll. Ends at graceful shutdown, before the workers drain.
struct RequestTrackerWatcher: Service {
    let loop: RequestTrackerIntakeLoop
    let intake: EscalationIntake
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await loop.run { escalation in
                do {
                    _ = try await intake.submit(ticket: escalation.ticket, deviceID: escalation.deviceID, source: .rt)
                } catch let error as IntakeError where error.reason == .unknownDevice || error.reason == .invalid {
                    throw EscalationRefused(reason: error.message)
                }
            }
        }
    }
}

extension RequestTrackerWatcher: CustomStringConvertible {
    var description: String { "RequestTrackerWatcher(\(loop.intake.intake.queue))" }
}
