/// What `RequestTrackerIntakeLoop`'s `submit` throws when an escalation can never be taken as it
/// stands (the device is not in the inventory, a field breaks the rules): the loop sets the ticket
/// aside with a comment giving `reason`, instead of offering it again at every poll. Anything else
/// `submit` throws (shutting down, the store busy) leaves the ticket for the next poll.
public struct EscalationRefused: Error, Sendable {
    /// Why, in words for first level; it goes into the comment on the ticket.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
