import Foundation
public import Logging
import NIOCore
public import ServiceLifecycle
public import TriageActions
public import TriageEngine
public import TriageStore
import UnixSignals

/// `triage serve`: the HTTP intake, the job runner and the outbox delivery loop in one
/// `ServiceGroup`: one worker of the shared job queue (`configuration.effectiveWorkerID()`). SIGTERM or SIGINT closes intake (503), lets running jobs finish within the
/// grace period (or hands them back to the queue), delivers the outbox once more and returns.
///
/// ```swift
/// let service = EscalationService(engine: engine, database: database, configuration: config.service,
///                                 signingSecret: try config.service.readSigningSecret(), logger: logger)
/// try await service.run(extraServices: [requestTrackerWatcher])   // the watcher calls service.intake.submit
/// ```
public struct EscalationService: Sendable {
    /// Where escalations enter: the HTTP route uses it, and so can another intake (the RT watcher).
    public let intake: EscalationIntake
    public let status = ServiceStatus()
    let engine: TriageEngine
    let database: any RecordStore
    let configuration: ServiceConfiguration
    let authenticator: RequestAuthenticator
    let metrics: ServiceMetrics
    /// This process's name in the job queue's leases and in its metrics.
    let worker: String
    let doorbell = Doorbell()
    /// Wakes the delivery loop when a job recorded a diagnosis.
    let deliveryBell = Doorbell()
    let interruption = InterruptionReason()
    let logger: Logger

    /// `signingSecret`: read by the caller (`ServiceConfiguration.readSigningSecret()`); held in memory only.
    public init(engine: TriageEngine, database: any RecordStore, configuration: ServiceConfiguration, signingSecret: String?,
                logger: Logger) {
        self.engine = engine
        self.database = database
        self.configuration = configuration
        self.logger = logger
        worker = configuration.effectiveWorkerID()
        metrics = ServiceMetrics(worker: worker)
        authenticator = RequestAuthenticator(tokens: configuration.tokens, signingSecret: signingSecret)
        intake = EscalationIntake(store: database, inventory: engine.inventory, status: status, doorbell: doorbell,
                                  metrics: metrics, logger: logger)
    }

    /// The Request Tracker queue watcher (`rt.intake`), as a service for `run(extraServices:)`:
    /// it submits through `intake`, like the HTTP route.
    public func requestTrackerWatcher(_ requestTracker: RequestTrackerIntake) -> any Service {
        RequestTrackerWatcher(loop: RequestTrackerIntakeLoop(intake: requestTracker, logger: logger), intake: intake, logger: logger)
    }

    /// Runs until SIGTERM or SIGINT. `extraServices` join the group and are told to shut down
    /// right after intake closes, before the HTTP server, the workers and the final delivery.
    public func run(extraServices: [any Service] = []) async throws {
        let api = EscalationAPI(intake: intake, database: database, status: status, metrics: metrics, logger: logger)
        let application = try ServiceApplication.build(api: api, authenticator: authenticator, host: configuration.host,
                                                       port: configuration.port, logger: logger)
        // Jobs a dead worker left running stay its until their lease expires; then any worker takes them.
        let lease = JobLease(store: database, worker: worker, length: configuration.jobLease)
        let execution = JobExecution(store: database, engine: engine, lease: lease, metrics: metrics, interruption: interruption,
                                     delivery: deliveryBell, logger: logger)
        let runner = JobRunner(store: database, execution: execution, worker: worker, concurrency: configuration.concurrency,
                               grace: .milliseconds(Int64(configuration.shutdownGrace * 1000)), doorbell: doorbell,
                               status: status, logger: logger)
        let delivery = OutboxDeliveryLoop(engine: engine, interval: .milliseconds(Int64(configuration.deliveryInterval * 1000)),
                                          wake: deliveryBell, metrics: metrics, logger: logger)
        // Shut down in reverse: the gate first (intake answers 503), then the extra intakes, the
        // server, the workers, and the delivery loop last (one more delivery once the jobs are done).
        let services: [any Service] = [delivery, runner, application] + extraServices + [IntakeGate(status: status, doorbell: doorbell)]
        let group = ServiceGroup(configuration: .init(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("triage serve starting", metadata: [
            "listen": "\(configuration.host):\(configuration.port)", "concurrency": "\(configuration.concurrency)",
            "worker": "\(worker)", "job_lease_seconds": "\(configuration.jobLease)",
        ])
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ServiceStartError(message: "cannot listen on \(configuration.host):\(configuration.port): the port is in use",
                                    remedy: "Stop what holds it, or set another port in service.listen.")
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw ServiceStartError(message: "cannot listen on \(configuration.host):\(configuration.port): no such address here",
                                    remedy: "Set service.listen to an address of this machine (127.0.0.1 by default).")
        }
        logger.info("triage serve stopped")
    }
}
