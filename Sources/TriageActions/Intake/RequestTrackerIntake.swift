import Foundation
public import Logging
import TriageCore

/// Watches the RT intake queue: each `poll()` searches it (REST 2.0, TicketSQL) for tickets in the
/// configured statuses and returns those whose device custom field holds an inventory-shaped id
/// as escalations. A ticket without one gets a single comment saying what is missing and is
/// moved to the needs-attention queue; the comment's subject carries a marker, so a poll that
/// failed after commenting does not comment again.
///
/// Tickets with a device stay in the queue until the diagnosis' answer moves them
/// (`rt.route_by_verdict`), so later polls return them again: the service keeps one job per
/// ticket reference. The token is read at each poll (a rotated file is picked up) and never logged.
public struct RequestTrackerIntake: Sendable {
    public let configuration: RequestTrackerConfiguration
    public let intake: RequestTrackerIntakeConfiguration
    let logger: Logger

    /// The marker in the subject of the comment on a ticket without a usable device id.
    static let needsDeviceMarker = "triage-intake-needs-device"

    public init(configuration: RequestTrackerConfiguration, intake: RequestTrackerIntakeConfiguration, logger: Logger) {
        self.configuration = configuration
        self.intake = intake
        self.logger = logger
    }

    /// The intake the config file asks for (`sink: rt` with `rt.intake`), or nil when it watches no queue.
    public init?(configuration: TriageConfiguration, logger: Logger) {
        guard case .requestTracker(let rt) = configuration.sink, let intake = rt.intake else { return nil }
        self.init(configuration: rt, intake: intake, logger: logger)
    }

    /// The escalations waiting in the queue, oldest first, at most `max_per_poll` tickets looked at.
    public func poll() async throws(RequestTrackerIntakeError) -> [Escalation] {
        let client = try makeClient()
        var found: [RequestTrackerClient.FoundTicket] = []
        do {
            // All pages first: moving tickets out while paging would shift the later pages.
            var page = 1
            while found.count < intake.maxPerPoll {
                let result = try await client.searchTickets(query: query, page: page)
                found += result.tickets.prefix(intake.maxPerPoll - found.count)
                guard result.hasMore, !result.tickets.isEmpty else { break }
                page += 1
            }
        } catch {
            throw RequestTrackerIntakeError(queue: intake.queue, error.message, remedy: "It is polled again; check that RT is up at "
                + "\(configuration.url.withoutCredentials) and that the token's user may see the queue.")
        }
        var escalations: [Escalation] = []
        for ticket in found {
            let values = (ticket.customFields[intake.deviceField] ?? [])
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if values.count == 1, let device = values.first, DeviceIDShape.problem(device) == nil {
                escalations.append(Escalation(ticket: reference(ticket.id), deviceID: device))
            } else {
                await setAside(ticket.id, problem: problem(values), client: client)
            }
        }
        logger.debug("rt intake polled", metadata: ["queue": "\(intake.queue)", "tickets": "\(found.count)",
                                                    "escalations": "\(escalations.count)"])
        return escalations
    }

    /// `Queue = '…' AND (Status = '…' OR …)`; the names were checked to be plain words.
    var query: String {
        let statuses = intake.statuses.map { "Status = '\($0)'" }.joined(separator: " OR ")
        return "Queue = '\(intake.queue)' AND (\(statuses))"
    }

    /// The ticket as the service and technicians see it: `rt`, its number, its display page.
    func reference(_ ticket: Int) -> TicketReference {
        TicketReference(system: "rt", id: String(ticket), url: configuration.ticketPage(ticket))
    }

    /// Sets aside an escalation the service refused for good (`EscalationRefused`): the same
    /// single comment and move as for a ticket without a device.
    public func setAside(_ escalation: Escalation, reason: String) async throws(RequestTrackerIntakeError) {
        guard let ticket = Int(escalation.ticket.id) else { return }
        let client = try makeClient()
        let problem = "its custom field '\(intake.deviceField)' names '\(escalation.deviceID)': \(reason)"
        await setAside(ticket, problem: problem, client: client)
    }

    /// What is wrong with the device field's values, in words for first level.
    private func problem(_ values: [String]) -> String {
        let field = intake.deviceField
        return switch values.count {
        case 0: "its custom field '\(field)' is empty"
        case 1: "its custom field '\(field)' holds '\(values[0].prefix(80))', which \(DeviceIDShape.problem(values[0]) ?? "is not an id")"
        default: "its custom field '\(field)' holds \(values.count) values; Triage needs exactly one"
        }
    }

    /// One comment saying what is wrong, then the move to the needs-attention queue. A failure
    /// is logged and left for the next poll: the ticket is still in the intake queue.
    private func setAside(_ ticket: Int, problem: String, client: RequestTrackerClient) async {
        let field = intake.deviceField
        do {
            if try await !client.hasMessage(onTicket: ticket, subjectContaining: Self.needsDeviceMarker) {
                try await client.comment(onTicket: ticket, subject: "Triage: no device to probe [\(Self.needsDeviceMarker)]", content: """
                    Triage cannot probe the router for this ticket: \(problem).
                    Set '\(field)' to the router's inventory id (such as cpe-0001) and move the ticket back to queue \
                    '\(intake.queue)' to have it diagnosed.
                    """)
            }
            try await client.move(ticket: ticket, toQueue: intake.needsAttentionQueue)
            logger.info("rt intake: ticket set aside, no usable device id",
                        metadata: ["ticket": "rt#\(ticket)", "queue": "\(intake.needsAttentionQueue)"])
        } catch {
            logger.warning("rt intake: could not set aside a ticket without a usable device id; next poll tries again",
                           metadata: ["ticket": "rt#\(ticket)", "error": "\(error.message)"])
        }
    }

    private func makeClient() throws(RequestTrackerIntakeError) -> RequestTrackerClient {
        let token: String
        do {
            token = try configuration.token.read()
        } catch {
            throw RequestTrackerIntakeError(queue: intake.queue, "rt token: \(error.problem)",
                                            remedy: "Check rt.token_file or rt.token_env; it is polled again.")
        }
        return RequestTrackerClient(baseURL: configuration.url, token: token, http: HTTPClient(timeout: configuration.timeout))
    }
}
