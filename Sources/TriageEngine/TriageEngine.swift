public import Logging
public import TriageActions
public import TriageCore
public import TriageInventory
public import TriageStore

/// What one process loads once to diagnose devices: the inventory, the rule book, the probe
/// catalogue, the store and its configuration (with the action sink). Every entry point is a
/// thin client of it — `triage diagnose` (one device), `triage sweep` (a fleet), the service.
///
/// The engine is a value that can be shared: all its copies share the per-device session locks
/// (at most one SSH session per device at a time, in the whole process) and the recording queue
/// (diagnoses finished together are committed in one transaction).
///
/// ```swift
/// let engine = TriageEngine(inventory: inventory, rules: rules, catalog: catalog,
///                           database: database, configuration: configuration, logger: logger)
/// let result = await engine.diagnose(device, DiagnosisRequest(requestedBy: "alice"))
/// await engine.sweep(engine.inventory.devices, SweepOptions(concurrency: 32, request: request)) { result in … }
/// let report = await engine.deliverPending()
/// ```
public struct TriageEngine: Sendable {
    public let inventory: Inventory
    public let catalog: ProbeCatalog
    public let recorder: DiagnosisRecorder
    let diagnoser: Diagnoser
    let sessions: DeviceSessionLocks
    let recording: RecordingQueue
    /// The config's `line_state:` source, asked about unreachable devices (`LineStateLookup`).
    let lineStateSource: LineStateSource?
    let logger: Logger

    /// `batchLimit` caps how many finished devices one store transaction records (1: one each).
    public init(inventory: Inventory, rules: RuleBook, catalog: ProbeCatalog, database: any RecordStore,
                configuration: TriageConfiguration, logger: Logger, batchLimit: Int = 64) {
        self.inventory = inventory
        self.catalog = catalog
        self.logger = logger
        recorder = DiagnosisRecorder(database: database, configuration: configuration, logger: logger)
        diagnoser = Diagnoser(rules: rules)
        sessions = DeviceSessionLocks()
        recording = RecordingQueue(recorder: recorder, batchLimit: batchLimit)
        lineStateSource = configuration.lineState.map { LineStateSource($0) }
    }

    /// Sends what is due in the outbox to the configured sink. The engine records; delivery is
    /// the caller's to schedule (after one diagnosis, once after a sweep), since a sink can be slow.
    /// Without `keepingDelivered` the report lists only the failures (and counts the rest).
    public func deliverPending(keepingDelivered: Bool = true) async -> DeliveryReport {
        await recorder.deliverPending(keepingDelivered: keepingDelivered)
    }

    /// SSH sessions open (or being opened) right now, one per device at most.
    public var activeSessions: Int { sessions.heldCount }

    /// The one place the engine runs the probes: the run's settings and the device's own retries.
    func probe(_ device: Device, _ settings: ProbeSettings, progress: ProbeRunProgress.Handler? = nil,
               logMetadata: Logger.Metadata = [:]) async -> ProbeRunOutcome {
        await settings.runner(catalog: catalog, for: device).run(on: device, logger: logger(with: logMetadata), progress: progress)
    }

    /// The engine's logger with a caller's metadata on every line (a job's id and ticket).
    func logger(with metadata: Logger.Metadata) -> Logger {
        var logger = logger
        for (key, value) in metadata { logger[metadataKey: key] = value }
        return logger
    }
}
