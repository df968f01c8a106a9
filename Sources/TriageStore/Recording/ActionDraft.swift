/// The order, ticket or note a verdict calls for, ready to be stored with its diagnosis.
public enum ActionDraft: Sendable, Hashable {
    case order(OrderRecord)
    case ticket(TicketRecord)
    case note(NoteRecord)

    public var kind: ActionKind {
        switch self {
        case .order: .order
        case .ticket: .ticket
        case .note: .note
        }
    }

    public var idempotencyKey: String {
        switch self {
        case .order(let order): order.idempotencyKey
        case .ticket(let ticket): ticket.idempotencyKey
        case .note(let note): note.idempotencyKey
        }
    }
}
