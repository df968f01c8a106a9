/// What `AppDatabase.save` did.
public struct SaveResult: Sendable, Hashable {
    /// The diagnosis' id as stored (lower-case UUID).
    public var diagnosisID: String
    /// False when this diagnosis (same id) was already stored: a replayed call changes nothing.
    public var diagnosisIsNew: Bool
    /// The action and its outbox row, new or found by idempotency key; nil when not acting.
    public var action: SavedAction?

    public init(diagnosisID: String, diagnosisIsNew: Bool, action: SavedAction?) {
        self.diagnosisID = diagnosisID
        self.diagnosisIsNew = diagnosisIsNew
        self.action = action
    }
}

/// The action a saved diagnosis led to.
public struct SavedAction: Sendable, Hashable {
    public var kind: ActionKind
    /// The row in `orders`, `tickets` or `notes`.
    public var actionID: Int64
    public var outboxID: Int64
    public var idempotencyKey: String
    /// False when an earlier diagnosis with the same key already made it: nothing new was opened.
    public var isNew: Bool
    /// The diagnosis that made the action (this one, or the earlier one).
    public var diagnosisID: String

    public init(kind: ActionKind, actionID: Int64, outboxID: Int64, idempotencyKey: String, isNew: Bool, diagnosisID: String) {
        self.kind = kind
        self.actionID = actionID
        self.outboxID = outboxID
        self.idempotencyKey = idempotencyKey
        self.isNew = isNew
        self.diagnosisID = diagnosisID
    }
}
