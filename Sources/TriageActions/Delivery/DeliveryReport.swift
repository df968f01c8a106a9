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

    /// The entries this run tried, in order: all of them, or only the failed ones when the run
    /// was asked to keep no delivered entry (a sweep's 10,000 deliveries need their count only).
    public var items: [Item] = []
    public var held: [Held] = []
    /// Undelivered entries once the run ended: failed now, held, or not due yet.
    public var stillPending = 0
    /// Set when the outbox itself could not be read (the store failed).
    public var storeError: String?

    /// Entries delivered and entries failed in this run, whether or not `items` keeps them.
    public internal(set) var delivered = 0
    public internal(set) var failed = 0

    /// Counts `item`, and keeps it in `items` if it failed or `keepingDelivered`.
    mutating func add(_ item: Item, keepingDelivered: Bool) {
        if item.reference != nil { delivered += 1 }
        if item.error != nil { failed += 1 }
        if keepingDelivered || item.error != nil { items.append(item) }
    }
}
