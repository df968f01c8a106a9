/// The escalated ticket a diagnosis answers: which ticket system, its id there, and where a
/// person opens it. The service takes it with each escalation; the RT intake finds it in a queue.
public struct TicketReference: Sendable, Hashable, Codable {
    /// The ticket system, lower case: "rt" for Request Tracker, or whatever name the caller uses.
    public var system: String
    public var id: String
    public var url: String?

    public init(system: String, id: String, url: String? = nil) {
        self.system = system
        self.id = id
        self.url = url
    }

    /// The diagnosis' `originTicket`: `rt#<id>` for Request Tracker (its sink comments there and
    /// the idempotency key includes it), `<system>:<id>` otherwise.
    public var originTicket: String {
        system == "rt" ? "rt#\(id)" : "\(system):\(id)"
    }
}
