import Foundation
import Logging
import TriageStore

/// Takes due outbox entries one at a time and hands them to the sink. A failure leaves the entry
/// pending with its reason and a later retry time (doubling up to an hour): a sink that is down
/// delays delivery, it never loses anything. Each entry's delivery ends by the sink's deadline,
/// however the sink behaves.
struct OutboxDeliverer: Sendable {
    let database: any RecordStore
    let sink: SinkConfiguration
    let logger: Logger

    /// How much longer than the delivery's deadline an entry is held: time to record the outcome.
    static let leaseMargin: TimeInterval = 60

    /// The wait before the next run retries an entry that failed `attempts` times.
    static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(0, attempts - 1))))
    }

    func deliverDue(ignoringSchedule: Bool, keepingDelivered: Bool = true) async -> DeliveryReport {
        var report = DeliveryReport()
        var lastID: Int64 = 0
        do {
            while let entry = try await database.claimNext(afterID: lastID, lease: sink.deadline + Self.leaseMargin,
                                                           ignoringSchedule: ignoringSchedule,
                                                           sinksWithoutEvidence: SinkFactory.sinksWithoutEvidence) {
                lastID = entry.outbox.id ?? lastID
                report.add(await deliver(entry), keepingDelivered: keepingDelivered)
            }
            let now = Date()
            let remaining = try await database.outbox()
            report.stillPending = remaining.count
            report.held = remaining.compactMap { row in
                guard let until = row.claimedUntil, until > now, let id = row.id else { return nil }
                return DeliveryReport.Held(outboxID: id, idempotencyKey: row.idempotencyKey, until: until)
            }
        } catch {
            report.storeError = "\(error)"
        }
        return report
    }

    private func deliver(_ entry: OutboxEntry) async -> DeliveryReport.Item {
        let id = entry.outbox.id ?? 0
        var item = DeliveryReport.Item(outboxID: id, idempotencyKey: entry.outbox.idempotencyKey)
        let database = self.database
        do {
            // An entry keeps the sink it was recorded for; changing the config affects new entries.
            let sink = try SinkFactory.make(named: entry.outbox.sink, configuration: self.sink)
            let reference = try await deliver(entry, to: sink, database: database)
            try await database.markDelivered(outboxID: id, reference: reference)
            item.reference = reference
            logger.info("delivered", metadata: ["outbox": "\(id)", "key": "\(entry.outbox.idempotencyKey)", "reference": "\(reference)"])
        } catch {
            let message = (error as? DeliveryFailure)?.message ?? "\(error)"
            item.error = message
            let next = Date().addingTimeInterval(Self.retryDelay(afterAttempts: entry.outbox.attempts + 1))
            try? await database.markFailed(outboxID: id, error: message, nextAttemptAt: next)
            logger.warning("delivery failed; will retry", metadata: ["outbox": "\(id)", "error": "\(message)"])
        }
        return item
    }

    /// One entry to its sink within the sink's deadline.
    private func deliver(_ entry: OutboxEntry, to sink: any ActionSink, database: any RecordStore) async throws -> String {
        let id = entry.outbox.id ?? 0
        do {
            return try await Deadline.run(seconds: self.sink.deadline) {
                try await sink.deliver(entry, progress: entry.outbox.progress) { progress in
                    try await database.saveProgress(outboxID: id, progress: progress)
                }
            }
        } catch is Deadline.Expired {
            throw DeliveryFailure("\(entry.outbox.sink): the delivery did not finish within its deadline of "
                + "\(Int(self.sink.deadline.rounded(.up))) s (deadline_seconds); it is retried later")
        }
    }
}
