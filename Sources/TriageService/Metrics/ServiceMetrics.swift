import CoreMetrics
import Foundation
import Prometheus
import TriageActions
import TriageCore
import TriageStore

/// The service's metrics, in its own Prometheus registry (no process-wide bootstrap, so two
/// services in one test process keep theirs apart). `/metrics` refreshes the gauges from the store
/// and renders the registry in the text format. Each worker process serves its own: its id is in
/// `triage_worker_info{worker=…}` and in the `worker` label of what this worker did with jobs.
public final class ServiceMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    let worker: String

    public init(worker: String = "local") {
        self.worker = worker
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["triage_diagnosis_duration_seconds"] =
            [1, 2, 5, 10, 20, 30, 60, 120, 300].map { Duration.seconds($0) }
        self.factory = factory
    }

    /// A job's diagnosis, by verdict, with how long it took.
    func diagnosed(verdict: String, duration: Duration) {
        Counter(label: "triage_diagnoses_total", dimensions: [("verdict", verdict)], factory: factory).increment()
        Timer(label: "triage_diagnosis_duration_seconds", dimensions: [], factory: factory).recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    func transportFailure(code: String) {
        Counter(label: "triage_transport_failures_total", dimensions: [("code", code)], factory: factory).increment()
    }

    func jobEnded(_ state: EscalationJob.State) {
        Counter(label: "triage_jobs_finished_total", dimensions: [("state", state.rawValue), ("worker", worker)], factory: factory)
            .increment()
    }

    /// A job this worker took from the queue (a first run, or a retry after a lease expired).
    func jobClaimed() {
        Counter(label: "triage_jobs_claimed_total", dimensions: [("worker", worker)], factory: factory).increment()
    }

    /// A job this worker gave up because another worker had taken it (its lease was not renewed in time).
    func leaseLost() {
        Counter(label: "triage_job_leases_lost_total", dimensions: [("worker", worker)], factory: factory).increment()
    }

    /// An escalation refused: unauthorized, too_large, malformed, invalid, unknown_device, shutting_down, store.
    func rejected(_ reason: String) {
        Counter(label: "triage_intake_rejections_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// A new job (`triage_intake_accepted_total`), or a ticket seen before answered with its job.
    func accepted(new: Bool) {
        Counter(label: new ? "triage_intake_accepted_total" : "triage_intake_repeated_total", dimensions: [], factory: factory)
            .increment()
    }

    func delivered(_ report: DeliveryReport) {
        let failed = report.items.filter { $0.reference == nil }.count
        Counter(label: "triage_outbox_deliveries_total", dimensions: [], factory: factory)
            .increment(by: report.items.count - failed)
        Counter(label: "triage_outbox_delivery_failures_total", dimensions: [], factory: factory).increment(by: failed)
    }

    /// The Prometheus text, with the job and outbox gauges read from the store now.
    func render(counts: JobCounts?) -> String {
        if let counts {
            for state in EscalationJob.State.allCases {
                Gauge(label: "triage_jobs", dimensions: [("state", state.rawValue)], factory: factory).record(counts[state])
            }
            Gauge(label: "triage_outbox_backlog", dimensions: [], factory: factory).record(counts.outboxBacklog)
            Gauge(label: "triage_outbox_failing", dimensions: [], factory: factory).record(counts.outboxFailing)
        }
        Gauge(label: "triage_store_up", dimensions: [], factory: factory).record(counts == nil ? 0 : 1)
        Gauge(label: "triage_worker_info", dimensions: [("worker", worker)], factory: factory).record(1)
        return registry.emitToString()
    }
}
