import Foundation
import TriageCore
import TriageStore

/// `sink: rt`: orders and tickets become RT tickets (orders in `order_queue`), with the evidence
/// attached; the originating ticket gets a comment and moves to the verdict's queue if
/// `route_by_verdict` names one. The idempotency key stands in the subject of
/// both, so an attempt whose reply was lost finds the ticket (TicketSQL) or the comment (an
/// attachment search on the originating ticket) it made instead of making another.
struct RequestTrackerSink: ActionSink {
    let configuration: RequestTrackerConfiguration
    let client: RequestTrackerClient

    init(configuration: RequestTrackerConfiguration) throws(DeliveryFailure) {
        self.configuration = configuration
        let token: String
        do {
            token = try configuration.token.read()
        } catch {
            throw DeliveryFailure("rt token: \(error.problem)")
        }
        for queue in [configuration.queue, configuration.orderQueue] + configuration.routeByVerdict.values where !Self.isPlainName(queue) {
            throw DeliveryFailure("rt queue '\(queue)': only letters, digits, spaces, '-' and '_' are supported")
        }
        client = RequestTrackerClient(baseURL: configuration.url, token: token, http: HTTPClient(timeout: configuration.timeout))
    }

    func deliver(_ entry: OutboxEntry, progress: String?, saveProgress: @Sendable (String) async throws -> Void) async throws(DeliveryFailure) -> String {
        let origin = entry.diagnosis.originTicket.flatMap(Self.ticketNumber)
        guard case .note(let note) = entry.action else {
            let ticket = try await ensureTicket(for: entry, progress: progress, saveProgress: saveProgress)
            if let origin, origin != ticket {
                try await commentOnce(on: origin, for: entry, content: answer(for: entry, newTicket: ticket))
                try await route(origin, for: entry)
            }
            return "rt:#\(ticket)"
        }
        guard let origin else { return "local:note/\(entry.outbox.actionID) (no RT ticket to comment on)" }
        try await commentOnce(on: origin, for: entry, content: note.text + "\n[\(entry.outbox.idempotencyKey)]\n")
        try await route(origin, for: entry)
        return "rt:comment on #\(origin)"
    }

    /// Moves the originating ticket to the verdict's queue (`route_by_verdict`), after the comment
    /// so whoever finds it there finds the answer too. Already there: nothing is changed.
    private func route(_ origin: Int, for entry: OutboxEntry) async throws(DeliveryFailure) {
        guard let queue = configuration.routeByVerdict[entry.diagnosis.verdict] else { return }
        try await client.move(ticket: origin, toQueue: queue)
    }

    /// Comments on the originating ticket unless an earlier attempt already did: the comment's
    /// subject carries the key, so a comment whose reply was lost is found instead of posted twice.
    private func commentOnce(on origin: Int, for entry: OutboxEntry, content: String) async throws(DeliveryFailure) {
        let key = entry.outbox.idempotencyKey
        if try await client.hasMessage(onTicket: origin, subjectContaining: key) { return }
        try await client.comment(onTicket: origin, subject: "Triage: \(entry.diagnosis.deviceID) \(entry.diagnosis.verdict.rawValue) [\(key)]",
                                 content: content)
    }

    /// The RT ticket for an order or ticket: the one an earlier attempt made, or a new one.
    private func ensureTicket(for entry: OutboxEntry, progress: String?, saveProgress: @Sendable (String) async throws -> Void) async throws(DeliveryFailure) -> Int {
        if let progress, progress.hasPrefix("ticket:"), let number = Int(progress.dropFirst(7)) { return number }
        let key = entry.outbox.idempotencyKey
        let queue = entry.outbox.kind == .order ? configuration.orderQueue : configuration.queue
        let number: Int
        if let found = try await client.findTicket(subjectContaining: key, queue: queue) {
            number = found
        } else {
            let (subject, content) = Self.text(for: entry)
            let evidence = RequestTrackerClient.Attachment(
                FileName: "evidence-\(entry.diagnosis.deviceID).txt", FileType: "text/plain",
                FileContent: Data(ActionText.evidence(entry.evidence).utf8).base64EncodedString())
            number = try await client.createTicket(queue: queue, subject: "[\(key)] \(subject)", content: content, attachments: [evidence])
        }
        do {
            try await saveProgress("ticket:\(number)")
        } catch {
            // Not fatal: the next attempt finds the ticket by its key.
        }
        return number
    }

    private static func text(for entry: OutboxEntry) -> (subject: String, content: String) {
        let device = entry.diagnosis.device
        switch entry.action {
        case .order(let order):
            let content = """
                Replacement order (RMA)
                Device: \(ActionText.describe(device))
                Customer: \(order.customer ?? "unknown")
                Reason: \(order.reason)
                Diagnosis: \(entry.diagnosis.id)

                \(ActionText.findings(order.findings).joined(separator: "\n"))
                """
            return ("Replace \(device.id) (\(device.model ?? "model unknown")): \(order.reason)".prefixLine(200), content)
        case .ticket(let ticket):
            return (ticket.summary.prefixLine(200), ticket.body)
        case .note(let note):
            return ("Note for \(device.id)", note.text)
        }
    }

    /// `1234`, `#1234`, `rt#1234`, `RT-1234` → 1234; other ticket ids don't name an RT ticket.
    static func ticketNumber(_ text: String) -> Int? {
        var rest = Substring(text.lowercased())
        if rest.hasPrefix("rt") { rest = rest.dropFirst(2) }
        if rest.hasPrefix("#") || rest.hasPrefix("-") { rest = rest.dropFirst() }
        return rest.allSatisfy(\.isNumber) ? Int(rest) : nil
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || " -_".contains($0) }
    }
}

private extension String {
    /// One line of at most `limit` characters: RT subjects are single lines.
    func prefixLine(_ limit: Int) -> String {
        String(replacingOccurrences(of: "\n", with: " ").prefix(limit))
    }
}
