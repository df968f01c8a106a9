import Logging
import ServiceLifecycle
import TriageActions
import TriageEngine

/// The process's one delivery of the outbox: woken when a job recorded a diagnosis, on a schedule
/// otherwise (retries of failed deliveries, rows another worker left), and once more on shutdown,
/// after the workers have drained. Across workers, each row is delivered by whoever holds its outbox
/// lease (`RecordStore.claimNext`), so no row goes out twice at once.
struct OutboxDeliveryLoop: Service {
    let engine: TriageEngine
    let interval: Duration
    /// Rung by the jobs; rings while a delivery runs are kept, so one more delivery follows it.
    let wake: Doorbell
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        while true {
            // Waits for a ring or the interval, or until shutdown begins (the wait is cancelled then).
            await cancelWhenGracefulShutdown { [wake, interval] in await wake.wait(upTo: interval) }
            if Task.isCancelled { return }
            await deliver()
            if Task.isShuttingDownGracefully { return }
        }
    }

    private func deliver() async {
        let report = await engine.deliverPending()
        metrics.delivered(report)
        if let error = report.storeError { logger.error("outbox delivery: the store failed", metadata: ["error": "\(error)"]) }
        for item in report.items where item.reference == nil {
            logger.warning("outbox delivery failed; retried later", metadata: [
                "key": "\(item.idempotencyKey)", "error": "\(item.error ?? "")",
            ])
        }
    }
}

extension OutboxDeliveryLoop: CustomStringConvertible {
    var description: String { "OutboxDeliveryLoop(every \(interval))" }
}
