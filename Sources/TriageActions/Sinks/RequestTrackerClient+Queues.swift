import Foundation

/// The calls the intake and the routing need: a TicketSQL search with custom fields, a ticket's
/// queue, and moving a ticket to another queue.
extension RequestTrackerClient {
    /// One ticket of a search page: its id, and the values of each custom field by name.
    struct FoundTicket: Sendable, Equatable {
        var id: Int
        var customFields: [String: [String]]
    }

    struct SearchPage: Sendable {
        var tickets: [FoundTicket]
        /// Whether RT has another page after this one.
        var hasMore: Bool
    }

    /// RT pages at most 100 results; 20 (its default) keeps a page with every custom field of each
    /// ticket well inside the 64 KiB HTTPClient reads.
    static let pageSize = 20

    /// Page `page` (from 1) of the tickets `query` finds, oldest first, with their custom fields.
    func searchTickets(query: String, page: Int) async throws(DeliveryFailure) -> SearchPage {
        let response = try await get("tickets", [
            URLQueryItem(name: "query", value: query), URLQueryItem(name: "orderby", value: "id"),
            URLQueryItem(name: "order", value: "ASC"), URLQueryItem(name: "page", value: String(page)),
            URLQueryItem(name: "per_page", value: String(Self.pageSize)), URLQueryItem(name: "fields", value: "CustomFields"),
        ])
        try check(response, doing: "search tickets (\(query))")
        struct Field: Decodable { var name: String?; var values: [String]? }
        struct Item: Decodable { var id: String; var CustomFields: [Field]? }
        struct Page: Decodable { var items: [Item]; var page: Int?; var pages: Int? }
        let decoded = try decode(Page.self, from: response, doing: "search tickets")
        let tickets = decoded.items.compactMap { item -> FoundTicket? in
            guard let id = Int(item.id) else { return nil }
            var fields: [String: [String]] = [:]
            for field in item.CustomFields ?? [] {
                if let name = field.name { fields[name, default: []] += field.values ?? [] }
            }
            return FoundTicket(id: id, customFields: fields)
        }
        return SearchPage(tickets: tickets, hasMore: (decoded.page ?? page) < (decoded.pages ?? 0))
    }

    /// The name of the queue `ticket` is in.
    func queueName(ofTicket ticket: Int) async throws(DeliveryFailure) -> String {
        let response = try await get("ticket/\(ticket)", [URLQueryItem(name: "fields[Queue]", value: "Name")])
        try check(response, doing: "read ticket \(ticket)")
        struct Ticket: Decodable { struct Queue: Decodable { var Name: String? }; var Queue: Queue? }
        guard let name = try decode(Ticket.self, from: response, doing: "read ticket \(ticket)").Queue?.Name else {
            throw DeliveryFailure("rt: ticket \(ticket) answered without its queue's name (may the token's user see the queue?)")
        }
        return name
    }

    /// Moves `ticket` to `queue` unless it is there already, so a repeated move changes nothing.
    /// RT answers a refused change with 200 and a message, so the queue is read back to be sure.
    func move(ticket: Int, toQueue queue: String) async throws(DeliveryFailure) {
        guard try await queueName(ofTicket: ticket) != queue else { return }
        struct Body: Encodable { var Queue: String }
        let response = try await send("PUT", "ticket/\(ticket)", Body(Queue: queue))
        try check(response, doing: "move ticket \(ticket) to queue \(queue)")
        guard try await queueName(ofTicket: ticket) == queue else {
            throw DeliveryFailure("rt: ticket \(ticket) could not be moved to queue '\(queue)': \(response.text.prefix(200)) "
                + "(check that the queue exists and the token's user may create tickets in it)")
        }
    }
}
