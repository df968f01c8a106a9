public import Foundation
public import Logging
import TriageCore

/// Runs the intake for the service: polls, hands each escalation to `submit`, and waits
/// `poll_seconds` before the next poll. RT being down, slow or refusing the token is logged and
/// polled again after a pause that doubles from `poll_seconds` up to `longestPause`, so a long RT
/// outage costs a log line per pause, never a crash. A `submit` that throws `EscalationRefused`
/// has the ticket set aside with a comment; any other error leaves it for the next poll.
/// Cancelling the calling task ends `run` promptly (it returns, mid-request or mid-pause).
public struct RequestTrackerIntakeLoop: Sendable {
    public let intake: RequestTrackerIntake
    public let longestPause: TimeInterval
    let logger: Logger

    public init(intake: RequestTrackerIntake, longestPause: TimeInterval = 300, logger: Logger) {
        self.intake = intake
        self.longestPause = longestPause
        self.logger = logger
    }

    public func run(submit: @Sendable (Escalation) async throws -> Void) async throws {
        let interval = intake.intake.pollInterval
        var failures = 0
        while !Task.isCancelled {
            var escalations: [Escalation] = []
            do {
                escalations = try await intake.poll()
                failures = 0
            } catch {
                failures += 1
                logger.warning("rt intake poll failed; polling again", metadata: [
                    "error": "\(error.message)", "failures": "\(failures)", "retry_seconds": "\(pause(interval, failures))"])
            }
            for escalation in escalations {
                do {
                    try Task.checkCancellation()
                    try await submit(escalation)
                } catch is CancellationError {
                    return
                } catch let refusal as EscalationRefused {
                    await setAside(escalation, refusal)
                } catch {
                    // Refused or failed: the ticket stays in the queue, and the next poll offers it again.
                    logger.warning("rt intake: an escalation was not taken; the next poll offers it again",
                                   metadata: ["ticket": "\(escalation.ticket.originTicket)", "error": "\(error)"])
                }
            }
            do {
                try await Task.sleep(for: .seconds(pause(interval, failures)))
            } catch {
                return
            }
        }
    }

    /// A refused escalation leaves the queue with a comment; if RT fails now, the next poll
    /// offers the ticket again and it is refused again.
    private func setAside(_ escalation: Escalation, _ refusal: EscalationRefused) async {
        logger.info("rt intake: escalation refused; setting the ticket aside",
                    metadata: ["ticket": "\(escalation.ticket.originTicket)", "reason": "\(refusal.reason)"])
        do {
            try await intake.setAside(escalation, reason: refusal.reason)
        } catch {
            logger.warning("rt intake: could not set aside a refused escalation", metadata: ["error": "\(error.message)"])
        }
    }

    /// The wait before the next poll: the interval, doubled per failure in a row, up to `longestPause`.
    func pause(_ interval: TimeInterval, _ failures: Int) -> TimeInterval {
        guard failures > 1 else { return interval }
        return min(max(interval, longestPause), interval * pow(2, Double(min(failures - 1, 20))))
    }
}
