public import Foundation

/// One row of `outbox`: an order, ticket or note waiting for (or done with) delivery to its sink.
/// Written in the same transaction as the diagnosis, so nothing decided is ever lost; removed
/// never: a delivered row keeps the sink's reference as the receipt.
public struct OutboxRecord: Codable, Sendable, Hashable, StoredRecord {
    static let databaseTableName = "outbox"

    public var id: Int64?
    /// Unique: the second diagnosis with the same key finds this row and makes no new one.
    public var idempotencyKey: String
    public var diagnosisID: String
    public var kind: ActionKind
    /// The row in `orders`, `tickets` or `notes`.
    public var actionID: Int64
    /// The sink chosen when the action was recorded (`local`, `webhook`, `rt`).
    public var sink: String
    public var createdAt: Date
    public var attempts: Int
    public var lastAttemptAt: Date?
    /// Why the last attempt failed, in words: what `triage outbox` shows.
    public var lastError: String?
    public var nextAttemptAt: Date
    /// A deliverer holds the row until then, so two processes don't deliver it at once.
    public var claimedUntil: Date?
    /// Progress of a delivery with several steps (rt: the ticket made, the comment still to write),
    /// kept so that a retry resumes instead of repeating a step.
    public var progress: String?
    public var deliveredAt: Date?
    /// What the sink calls it: an RT ticket number, the webhook's answer, `local`.
    public var externalReference: String?

    public init(idempotencyKey: String, diagnosisID: String, kind: ActionKind, actionID: Int64, sink: String, createdAt: Date) {
        self.idempotencyKey = idempotencyKey
        self.diagnosisID = diagnosisID
        self.kind = kind
        self.actionID = actionID
        self.sink = sink
        self.createdAt = createdAt
        attempts = 0
        nextAttemptAt = createdAt
    }

    public var isDelivered: Bool { deliveredAt != nil }

    mutating func didInsert(rowID: Int64) { id = rowID }
}
