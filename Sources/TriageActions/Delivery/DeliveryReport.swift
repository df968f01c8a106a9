/// What one delivery run did.
public struct DeliveryReport: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var outboxID: Int64
        public var idempotencyKey: String
        /// The sink's reference when delivered.
        public var reference: String?
        /// Why it failed, when it did.
        public var error: String?
    }

    public var items: [Item] = []
    /// Set when the outbox itself could not be read (the store failed).
    public var storeError: String?

    public var delivered: Int { items.filter { $0.reference != nil }.count }
    public var failed: Int { items.filter { $0.error != nil }.count }
}
