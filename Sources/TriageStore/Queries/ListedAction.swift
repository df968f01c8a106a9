/// An order, ticket or note with its delivery state, as `triage orders list` shows it.
public struct ListedAction<Action: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var action: Action
    /// Nil only for rows made outside the outbox (none are, today).
    public var delivery: OutboxRecord?

    public init(action: Action, delivery: OutboxRecord?) {
        self.action = action
        self.delivery = delivery
    }
}
