import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The few calls of Request Tracker 5's REST 2.0 API the sink needs, with token auth.
struct RequestTrackerClient: Sendable {
    struct Attachment: Encodable, Sendable {
        var FileName: String
        var FileType: String
        /// Base64 of the file's bytes, as REST 2.0 expects.
        var FileContent: String
    }

    let baseURL: URL
    let token: String
    let http: HTTPClient

    /// The ticket in `queue` whose subject holds `key`, if one exists (the lost-reply lookup).
    func findTicket(subjectContaining key: String, queue: String) async throws(DeliveryFailure) -> Int? {
        // Keys and queue names are checked to be plain words, so quoting them in TicketSQL is safe.
        let query = "Queue = '\(queue)' AND Subject LIKE '\(key)'"
        let response = try await get("tickets", [URLQueryItem(name: "query", value: query), URLQueryItem(name: "orderby", value: "id")])
        try check(response, doing: "search for \(key)")
        struct Page: Decodable { struct Item: Decodable { var id: String }; var items: [Item] }
        let page = try decode(Page.self, from: response, doing: "search for \(key)")
        return page.items.compactMap { Int($0.id) }.min()
    }

    func createTicket(queue: String, subject: String, content: String, attachments: [Attachment]) async throws(DeliveryFailure) -> Int {
        struct Body: Encodable {
            var Queue: String
            var Subject: String
            var Content: String
            var ContentType = "text/plain"
            var Attachments: [Attachment]
        }
        let body = Body(Queue: queue, Subject: subject, Content: content, Attachments: attachments)
        let response = try await post("ticket", body)
        try check(response, doing: "create a ticket in queue \(queue)")
        struct Created: Decodable { var id: String }
        guard let id = Int(try decode(Created.self, from: response, doing: "create a ticket").id) else {
            throw DeliveryFailure("rt: created a ticket but its answer has no numeric id: \(response.text.prefix(200))")
        }
        return id
    }

    func comment(onTicket ticket: Int, subject: String, content: String) async throws(DeliveryFailure) {
        struct Body: Encodable {
            var Subject: String
            var Content: String
            var ContentType = "text/plain"
        }
        let response = try await post("ticket/\(ticket)/comment", Body(Subject: subject, Content: content))
        try check(response, doing: "comment on ticket \(ticket)")
    }

    /// Whether any message on `ticket` has `key` in its subject: the lost-reply lookup for comments.
    func hasMessage(onTicket ticket: Int, subjectContaining key: String) async throws(DeliveryFailure) -> Bool {
        struct Limit: Encodable { var field = "Subject"; var `operator` = "LIKE"; var value: String }
        let response = try await post("ticket/\(ticket)/attachments", [Limit(value: key)])
        try check(response, doing: "search ticket \(ticket) for \(key)")
        struct Page: Decodable { var count: Int }
        return try decode(Page.self, from: response, doing: "search ticket \(ticket) for \(key)").count > 0
    }

    /// A REST 2.0 resource (`tickets`, `ticket/12`) with its query parameters.
    func get(_ path: String, _ parameters: [URLQueryItem]) async throws(DeliveryFailure) -> HTTPClient.Response {
        var components = URLComponents(url: endpoint(path), resolvingAgainstBaseURL: false)
        components?.queryItems = parameters
        guard let url = components?.url else { throw DeliveryFailure("rt: cannot build the URL for \(path)") }
        return try await http.send(authorized(URLRequest(url: url)))
    }

    func post(_ path: String, _ body: some Encodable) async throws(DeliveryFailure) -> HTTPClient.Response {
        try await send("POST", path, body)
    }

    /// A JSON request to a REST 2.0 path (`ticket/12/comment`), authorized with the token.
    func send(_ method: String, _ path: String, _ body: some Encodable) async throws(DeliveryFailure) -> HTTPClient.Response {
        var request = URLRequest(url: endpoint(path))
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        do {
            request.httpBody = try JSONEncoder().encode(body)
        } catch {
            throw DeliveryFailure("rt: cannot encode the request: \(error)")
        }
        return try await http.send(authorized(request))
    }

    func endpoint(_ path: String) -> URL {
        baseURL.appendingPathComponent("REST/2.0").appendingPathComponent(path)
    }

    func authorized(_ request: URLRequest) -> URLRequest {
        var request = request
        request.setValue("token \(token)", forHTTPHeaderField: "Authorization")
        return request
    }

    func check(_ response: HTTPClient.Response, doing what: String) throws(DeliveryFailure) {
        guard !response.isSuccess else { return }
        let hint = [401, 403].contains(response.status)
            ? " (check rt.token_file/token_env: the token must belong to a user who may see, create and modify tickets and comment)" : ""
        throw DeliveryFailure("rt \(baseURL.withoutCredentials): \(what) answered \(response.status)\(hint): \(response.text.prefix(200))")
    }

    func decode<T: Decodable>(_ type: T.Type, from response: HTTPClient.Response, doing what: String) throws(DeliveryFailure) -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw DeliveryFailure("rt: unexpected answer to \(what): \(response.text.prefix(200))")
        }
    }
}
