public import Foundation
import Logging
import PostgresNIO
public import TriageCore
public import TriageStore

extension PostgresStore {
    public func orders() async throws -> [ListedAction<OrderRecord>] {
        try await listed("orders", kind: .order, RecordRows.order)
    }

    public func tickets() async throws -> [ListedAction<TicketRecord>] {
        try await listed("tickets", kind: .ticket, RecordRows.ticket)
    }

    public func notes() async throws -> [ListedAction<NoteRecord>] {
        try await listed("notes", kind: .note, RecordRows.note)
    }

    /// One diagnosis with its findings, evidence, audit entries and deliveries; nil when unknown.
    /// `id` may be the full UUID or a unique prefix of it (as `triage history` prints them).
    public func diagnosis(id: String) async throws -> StoredDiagnosis? {
        try await read { connection -> StoredDiagnosis? in
            let matches = try await connection.rows(
                "SELECT * FROM diagnoses WHERE starts_with(id, \(id.lowercased())) LIMIT 2", logger: logger)
            guard matches.count == 1, let match = matches.first else { return nil }
            let record = try RecordRows.diagnosis(match)
            let findings = try await connection.rows(
                "SELECT * FROM findings WHERE diagnosis_id = \(record.id) ORDER BY position", logger: logger
            ).map(RecordRows.finding)
            let audit = try await connection.rows(
                "SELECT * FROM audit_log WHERE diagnosis_id = \(record.id) ORDER BY id", logger: logger).map(RecordRows.audit)
            let deliveries = try await connection.rows(
                "SELECT * FROM outbox WHERE diagnosis_id = \(record.id) ORDER BY id", logger: logger).map(RecordRows.outbox)
            return StoredDiagnosis(record: record, findings: findings,
                                   evidence: try await evidence(diagnosisID: record.id, connection: connection),
                                   audit: audit, deliveries: deliveries)
        }
    }

    /// The diagnoses of one device, newest first.
    public func history(deviceID: String) async throws -> [DiagnosisRecord] {
        try await read { connection in
            try await connection.rows(
                "SELECT * FROM diagnoses WHERE device_id = \(deviceID) ORDER BY started_at DESC, recorded_at DESC",
                logger: logger
            ).map(RecordRows.diagnosis)
        }
    }

    /// The audit entries of one device (or all), oldest first.
    public func auditLog(deviceID: String?) async throws -> [AuditRecord] {
        try await read { connection in
            try await connection.rows(
                "SELECT * FROM audit_log WHERE \(deviceID)::text IS NULL OR device_id = \(deviceID) ORDER BY id",
                logger: logger
            ).map(RecordRows.audit)
        }
    }

    /// The evidence stored for a diagnosis, in order.
    public func evidence(diagnosisID: String) async throws -> [ProbeSection] {
        try await read { connection in try await evidence(diagnosisID: diagnosisID, connection: connection) }
    }

    /// Deletes evidence (the raw sections) recorded before `cutoff`; returns how many rows went.
    /// Diagnoses, findings, actions and the audit log stay: they are small and they are the record.
    @discardableResult
    public func pruneEvidence(recordedBefore cutoff: Date) async throws -> Int {
        try await transaction { connection in
            try await connection.rows("DELETE FROM evidence WHERE recorded_at < \(cutoff) RETURNING 1", logger: logger).count
        }
    }

    func evidence(diagnosisID: String, connection: PostgresConnection) async throws -> [ProbeSection] {
        try await connection.rows(
            "SELECT * FROM evidence WHERE diagnosis_id = \(diagnosisID) ORDER BY position", logger: logger
        ).map(RecordRows.section)
    }

    private func listed<Action: Sendable & Hashable & Codable>(
        _ table: StaticString, kind: ActionKind, _ decode: @Sendable (StoreRow) throws -> Action
    ) async throws -> [ListedAction<Action>] {
        try await read { connection in
            let rows = try await connection.rows("SELECT * FROM \(unescaped: "\(table)") ORDER BY id", logger: logger)
            let deliveries = try await connection.rows(
                "SELECT * FROM outbox WHERE kind = \(kind.rawValue)", logger: logger).map(RecordRows.outbox)
            let byAction = Dictionary(deliveries.map { ($0.actionID, $0) }, uniquingKeysWith: { first, _ in first })
            return try rows.map { row in
                ListedAction(action: try decode(row), delivery: byAction[try row["id", as: Int64.self]])
            }
        }
    }
}
