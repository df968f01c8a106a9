import Logging
import ServiceLifecycle
import TriageActions
import TriageEngine

/// Delivers the outbox on a schedule (retries of failed deliveries; each job also delivers after
/// it records), and once more on shutdown, after the workers have drained.
struct OutboxDeliveryLoop: Service {
    let engine: TriageEngine
    let interval: Duration
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        while true {
            // Sleeps until the interval passes or shutdown begins (the sleep is cancelled then).
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
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
