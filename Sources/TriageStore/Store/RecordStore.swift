public import Foundation
public import TriageCore

/// Triage's record: diagnoses with their findings and evidence, the audit log, orders, tickets
/// and notes with their outbox, and the service's job queue. Everything above the store (engine,
/// recorder, outbox delivery, service, CLI listings) talks to this protocol, never to a database
/// library, so that the embedded SQLite store (`AppDatabase`) and a shared server store stand
/// side by side.
///
/// The values in and out are plain domain types. Each call is one transaction unless it says
/// otherwise; what it promises about crashes and concurrency holds for every backend.
public protocol RecordStore: EscalationJobStore {
    /// Where the store is, for messages: a file path, or a server address without credentials.
    var location: String { get }

    /// The names of the migrations applied, in order.
    func appliedMigrations() async throws -> [String]

    // MARK: Recording

    /// Stores a diagnosis with its findings, evidence, audit entry and action, and puts the action
    /// in the outbox, in one transaction. An action whose idempotency key is already in the
    /// outbox is not made again (`SaveResult.action.isNew` false).
    func save(_ diagnosis: Diagnosis, audit: AuditRecord?, action: ActionDraft?, sink: String,
              now: Date) async throws -> SaveResult
    /// Several writes in one transaction, each isolated (a savepoint): one that fails is reported
    /// in its slot and the others commit. Not cancellable: a stopping sweep must still record.
    func save(batch: [StoreWrite], now: Date) async -> [Result<SaveResult?, any Error>]
    /// One audit entry on its own (a session that produced no diagnosis).
    @discardableResult
    func appendAudit(_ audit: AuditRecord) async throws -> AuditRecord
    /// Deletes evidence recorded before `cutoff`; returns how many sections went.
    @discardableResult
    func pruneEvidence(recordedBefore cutoff: Date) async throws -> Int

    // MARK: Outbox

    /// Outbox rows, oldest first; only the undelivered ones unless `includeDelivered`.
    func outbox(includeDelivered: Bool) async throws -> [OutboxRecord]
    /// Takes the next undelivered row after `afterID` that is due (any, with `ignoringSchedule`)
    /// and that no one holds, and holds it for `lease`: a deliverer elsewhere skips it meanwhile.
    /// A row for one of `sinksWithoutEvidence` comes without its evidence (the `local` sink only
    /// confirms; reading every section back cost 4% of a sweep's CPU).
    func claimNext(afterID: Int64, now: Date, lease: TimeInterval, ignoringSchedule: Bool,
                   sinksWithoutEvidence: Set<String>) async throws -> OutboxEntry?
    func markDelivered(outboxID: Int64, reference: String, at date: Date) async throws
    func markFailed(outboxID: Int64, error: String, nextAttemptAt: Date, at date: Date) async throws
    func saveProgress(outboxID: Int64, progress: String) async throws

    // MARK: Queries

    func orders() async throws -> [ListedAction<OrderRecord>]
    func tickets() async throws -> [ListedAction<TicketRecord>]
    func notes() async throws -> [ListedAction<NoteRecord>]
    /// A diagnosis by id or unique id prefix, with its findings, evidence, audit and deliveries.
    func diagnosis(id: String) async throws -> StoredDiagnosis?
    /// A device's diagnoses, newest first.
    func history(deviceID: String) async throws -> [DiagnosisRecord]
    func auditLog(deviceID: String?) async throws -> [AuditRecord]
    func evidence(diagnosisID: String) async throws -> [ProbeSection]
}

/// The defaults the concrete stores' methods had, for callers holding `any RecordStore`.
extension RecordStore {
    public func save(_ diagnosis: Diagnosis, audit: AuditRecord?, action: ActionDraft?, sink: String) async throws -> SaveResult {
        try await save(diagnosis, audit: audit, action: action, sink: sink, now: Date())
    }
    public func save(batch: [StoreWrite]) async -> [Result<SaveResult?, any Error>] {
        await save(batch: batch, now: Date())
    }
    public func outbox() async throws -> [OutboxRecord] { try await outbox(includeDelivered: false) }
    public func claimNext(afterID: Int64 = 0, lease: TimeInterval, ignoringSchedule: Bool = false,
                          sinksWithoutEvidence: Set<String> = []) async throws -> OutboxEntry? {
        try await claimNext(afterID: afterID, now: Date(), lease: lease, ignoringSchedule: ignoringSchedule,
                            sinksWithoutEvidence: sinksWithoutEvidence)
    }
    public func claimNext(afterID: Int64, now: Date, lease: TimeInterval, ignoringSchedule: Bool) async throws -> OutboxEntry? {
        try await claimNext(afterID: afterID, now: now, lease: lease, ignoringSchedule: ignoringSchedule, sinksWithoutEvidence: [])
    }
    public func markDelivered(outboxID: Int64, reference: String) async throws {
        try await markDelivered(outboxID: outboxID, reference: reference, at: Date())
    }
    public func markFailed(outboxID: Int64, error: String, nextAttemptAt: Date) async throws {
        try await markFailed(outboxID: outboxID, error: error, nextAttemptAt: nextAttemptAt, at: Date())
    }
    public func auditLog() async throws -> [AuditRecord] { try await auditLog(deviceID: nil) }
}
