public import Foundation

/// What one delivery run did, and what it left undelivered.
public struct DeliveryReport: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var outboxID: Int64
        public var idempotencyKey: String
        /// The sink's reference when delivered.
        public var reference: String?
        /// Why it failed, when it did.
        public var error: String?
    }

    /// An entry another delivery holds: one running now, or one that was interrupted (killed,
    /// crashed) and whose lease has not run out. It is taken again after `until`.
    public struct Held: Sendable, Hashable {
        public var outboxID: Int64
        public var idempotencyKey: String
        public var until: Date
    }

    public var items: [Item] = []
    public var held: [Held] = []
    /// Undelivered entries once the run ended: failed now, held, or not due yet.
    public var stillPending = 0
    /// Set when the outbox itself could not be read (the store failed).
    public var storeError: String?

    public var delivered: Int { items.filter { $0.reference != nil }.count }
    public var failed: Int { items.filter { $0.error != nil }.count }
}
