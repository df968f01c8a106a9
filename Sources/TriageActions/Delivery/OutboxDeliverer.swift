import Foundation
import Logging
import TriageStore

/// Takes due outbox entries and hands them to the sink. A failure leaves the entry pending with
/// its reason and a later retry time (doubling up to an hour): a sink that is down delays
/// delivery, it never loses anything.
struct OutboxDeliverer: Sendable {
    let database: AppDatabase
    let sink: SinkConfiguration
    let logger: Logger

    /// The wait before the next run retries an entry that failed `attempts` times.
    static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(0, attempts - 1))))
    }

    func deliverDue(ignoringSchedule: Bool) async -> DeliveryReport {
        var report = DeliveryReport()
        let entries: [OutboxEntry]
        do {
            entries = try await database.claimDue(ignoringSchedule: ignoringSchedule)
        } catch {
            report.storeError = "\(error)"
            return report
        }
        for entry in entries {
            report.items.append(await deliver(entry))
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
            let reference = try await sink.deliver(entry, progress: entry.outbox.progress) { progress in
                try await database.saveProgress(outboxID: id, progress: progress)
            }
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
}
