public import Foundation
public import Logging
public import TriageCore
public import TriageStore

/// The one entry point after a diagnosis is built: stores it with its audit entry and, when
/// acting, the order, ticket or note it calls for, all in one transaction; then delivers.
///
/// Typical use (`triage diagnose`, `triage serve`):
/// ```swift
/// let recorder = DiagnosisRecorder(database: database, configuration: configuration, logger: logger)
/// let recorded = try await recorder.record(diagnosis, outcome: outcome, act: !noAct)
/// let report = await recorder.deliverPending()
/// ```
public struct DiagnosisRecorder: Sendable {
    public let database: any RecordStore
    public let configuration: TriageConfiguration
    let logger: Logger

    public init(database: any RecordStore, configuration: TriageConfiguration, logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
    }

    /// Stores `diagnosis` (findings, redacted evidence, an audit entry from `outcome`), and with
    /// `act` its action in the outbox. Replaying the same diagnosis, or diagnosing the same device
    /// for the same ticket to the same verdict again, makes no second order, ticket or note.
    public func record(_ diagnosis: Diagnosis, outcome: ProbeRunOutcome?, act: Bool, now: Date = Date()) async throws -> RecordedDiagnosis {
        let audit = outcome.map { AuditEntry.make(outcome: $0, requestedBy: diagnosis.requestedBy) } ?? AuditEntry.make(diagnosis: diagnosis)
        let action = act ? ActionPlanner.action(for: diagnosis, now: now) : nil
        let saved = try await database.save(diagnosis, audit: audit, action: action, sink: configuration.sink.name, now: now)
        let pruned = await pruneAfterRecording(now: now, context: "diagnosis \(saved.diagnosisID)")
        logger.info("diagnosis recorded", metadata: [
            "diagnosis": "\(saved.diagnosisID)", "device": "\(diagnosis.device.id)", "verdict": "\(diagnosis.verdict.rawValue)",
            "action": "\(saved.action.map { "\($0.kind.rawValue) \($0.isNew ? "new" : "existing")" } ?? "none")",
        ])
        return RecordedDiagnosis(diagnosisID: saved.diagnosisID, action: saved.action, prunedEvidence: pruned)
    }

    /// Applies the evidence retention, if configured, after a commit; returns the rows removed.
    func pruneAfterRecording(now: Date, context: String) async -> Int {
        guard let days = configuration.evidenceRetentionDays else { return 0 }
        // The diagnosis is committed: retention failing now must not make it look unrecorded.
        do {
            return try await database.pruneEvidence(recordedBefore: now.addingTimeInterval(-Double(days) * 86_400))
        } catch {
            logger.warning("old evidence could not be pruned; the diagnosis is recorded (`triage store prune` retries)", metadata: [
                "recorded": "\(context)", "error": "\(error)",
            ])
            return 0
        }
    }

    /// The audit-only path: a session that produced no diagnosis (or one not to be kept) is still on
    /// record. With `interruption` (e.g. "interrupted by SIGTERM"), its outcome is `interrupted`.
    public func recordAudit(_ outcome: ProbeRunOutcome, requestedBy: String, interruption: String? = nil) async throws {
        try await database.appendAudit(AuditEntry.make(outcome: outcome, requestedBy: requestedBy, interruption: interruption))
    }

    /// Delivers what is due in the outbox to the configured sink; failures stay pending with their reason.
    /// Without `keepingDelivered` the report lists only the failures (and counts the rest).
    public func deliverPending(ignoringSchedule: Bool = false, keepingDelivered: Bool = true) async -> DeliveryReport {
        await OutboxDeliverer(database: database, sink: configuration.sink, logger: logger)
            .deliverDue(ignoringSchedule: ignoringSchedule, keepingDelivered: keepingDelivered)
    }
}
