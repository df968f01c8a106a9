import Foundation
import TriageStore

/// How the listing commands describe an outbox row's state in one phrase.
enum DeliveryText {
    static func state(_ delivery: OutboxRecord?, now: Date = Date()) -> String {
        guard let delivery else { return "not in the outbox" }
        if let reference = delivery.externalReference, delivery.isDelivered { return "delivered (\(reference))" }
        let held = delivery.claimedUntil.flatMap { $0 > now ? ", held by a delivery until \(date($0))" : nil } ?? ""
        guard let error = delivery.lastError else { return "pending (\(delivery.sink))\(held)" }
        return "pending (\(delivery.sink))\(held), \(delivery.attempts) failed attempt\(delivery.attempts == 1 ? "" : "s"): \(error)"
    }

    static func date(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon))
    }
}
