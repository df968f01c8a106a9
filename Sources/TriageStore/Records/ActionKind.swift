/// What a verdict makes: an order (`replace`), a ticket (`escalate`) or a note (`healthy`, `remediable`).
public enum ActionKind: String, Codable, Sendable, Hashable, CaseIterable {
    case order, ticket, note
}
