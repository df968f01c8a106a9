import Foundation
import Logging
import PostgresNIO
import TriageCore
import TriageStore

/// The inserts of one diagnosis, inside the caller's transaction: the rows `AppDatabase` writes,
/// in PostgreSQL.
struct RecordWriter {
    let connection: PostgresConnection
    let logger: Logger

    func insert(_ diagnosis: Diagnosis, audit: AuditRecord?, action: ActionDraft?, sink: String,
                now: Date) async throws -> SaveResult {
        let record = DiagnosisRecord(diagnosis, recordedAt: now)
        let isNew = try await insert(record)
        if isNew {
            try await insert(diagnosis.findings.enumerated().map { FindingRecord($1, diagnosisID: record.id, position: $0) })
            try await insert(diagnosis.sections.enumerated().map {
                EvidenceRecord($1, diagnosisID: record.id, position: $0, recordedAt: now)
            })
            if var audit {
                audit.diagnosisID = record.id
                try await insert(audit)
            }
        }
        var saved: SavedAction?
        if let action { saved = try await enqueue(action, diagnosisID: record.id, sink: sink, now: now) }
        return SaveResult(diagnosisID: record.id, diagnosisIsNew: isNew, action: saved)
    }

    /// False when a diagnosis with this id is stored already: a replayed save changes nothing.
    private func insert(_ record: DiagnosisRecord) async throws -> Bool {
        let rows = try await connection.rows("""
            INSERT INTO diagnoses (id, device_id, host, model, firmware, serial, customer, requested_by,
                origin_ticket, started_at, duration_milliseconds, verdict, rules_fired, probe_sha256, warnings,
                triage_version, recorded_at)
            VALUES (\(record.id), \(record.deviceID), \(record.host), \(record.model), \(record.firmware),
                \(record.serial), \(record.customer), \(record.requestedBy), \(record.originTicket), \(record.startedAt),
                \(record.durationMilliseconds), \(record.verdict.rawValue), \(try JSONColumn.text(record.rulesFired)),
                \(try JSONColumn.text(record.probeSHA256)), \(try JSONColumn.text(record.warnings)),
                \(record.triageVersion), \(record.recordedAt))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger: logger)
        return !rows.isEmpty
    }

    private func insert(_ findings: [FindingRecord]) async throws {
        var insert = MultiRowInsert("""
            INSERT INTO findings (diagnosis_id, position, component, code, severity, message, verdict, is_security,
                remedy, reference, evidence, rule_id)
            """)
        for finding in findings {
            insert.startRow()
            try insert.value(finding.diagnosisID)
            try insert.value(finding.position)
            try insert.value(finding.component.rawValue)
            try insert.value(finding.code)
            try insert.value(finding.severity.rawValue)
            try insert.value(finding.message)
            try insert.value(finding.verdict.rawValue)
            try insert.value(finding.isSecurity)
            try insert.value(finding.remedy)
            try insert.value(finding.reference)
            try insert.value(try JSONColumn.text(finding.evidence))
            try insert.value(finding.ruleID)
        }
        if !insert.isEmpty { try await connection.queryWhileOpen(insert.query, logger: logger) }
    }

    /// Outputs as bytea of their UTF-8 bytes: a device may print a NUL byte, which text refuses.
    private func insert(_ sections: [EvidenceRecord]) async throws {
        var insert = MultiRowInsert("""
            INSERT INTO evidence (diagnosis_id, position, kind, subject, output, exit_code, is_absent,
                duration_milliseconds, is_truncated, error_output, recorded_at)
            """)
        for evidence in sections {
            insert.startRow()
            try insert.value(evidence.diagnosisID)
            try insert.value(evidence.position)
            try insert.value(evidence.kind.rawValue)
            try insert.value(evidence.subject)
            try insert.value(Data(evidence.output.utf8))
            try insert.value(evidence.exitCode)
            try insert.value(evidence.isAbsent)
            try insert.value(evidence.durationMilliseconds)
            try insert.value(evidence.isTruncated)
            try insert.value(Data(evidence.errorOutput.utf8))
            try insert.value(evidence.recordedAt)
        }
        if !insert.isEmpty { try await connection.queryWhileOpen(insert.query, logger: logger) }
    }

    @discardableResult
    func insert(_ audit: AuditRecord) async throws -> AuditRecord {
        let rows = try await connection.rows("""
            INSERT INTO audit_log (requested_by, device_id, host, diagnosis_id, probe_sha256, started_at, ended_at,
                outcome, connect_attempts, failure, probes)
            VALUES (\(audit.requestedBy), \(audit.deviceID), \(audit.host), \(audit.diagnosisID),
                \(try JSONColumn.text(audit.probeSHA256)), \(audit.startedAt), \(audit.endedAt), \(audit.outcome.rawValue),
                \(audit.connectAttempts), \(audit.failure), \(try JSONColumn.text(audit.probes)))
            RETURNING id
            """, logger: logger)
        var inserted = audit
        inserted.id = try rows.first?["id", as: Int64.self]
        return inserted
    }

    /// The action and its outbox row, or the ones an earlier diagnosis made with the same key. A
    /// transaction lock on the key makes a second saver of the same key wait for the first to
    /// commit and then find its row, instead of failing on the unique constraint.
    private func enqueue(_ draft: ActionDraft, diagnosisID: String, sink: String, now: Date) async throws -> SavedAction {
        try await connection.queryWhileOpen("SELECT pg_advisory_xact_lock(hashtextextended(\(draft.idempotencyKey), 0))", logger: logger)
        if let existing = try await connection.firstRow(
            "SELECT * FROM outbox WHERE idempotency_key = \(draft.idempotencyKey)", logger: logger) {
            let outbox = try RecordRows.outbox(existing)
            return SavedAction(kind: outbox.kind, actionID: outbox.actionID, outboxID: outbox.id ?? 0,
                               idempotencyKey: outbox.idempotencyKey, isNew: false, diagnosisID: outbox.diagnosisID)
        }
        let actionID = try await insertAction(draft, diagnosisID: diagnosisID)
        let rows = try await connection.rows("""
            INSERT INTO outbox (idempotency_key, diagnosis_id, kind, action_id, sink, created_at, next_attempt_at)
            VALUES (\(draft.idempotencyKey), \(diagnosisID), \(draft.kind.rawValue), \(actionID), \(sink), \(now), \(now))
            RETURNING id
            """, logger: logger)
        return SavedAction(kind: draft.kind, actionID: actionID, outboxID: try rows.first?["id", as: Int64.self] ?? 0,
                           idempotencyKey: draft.idempotencyKey, isNew: true, diagnosisID: diagnosisID)
    }

    private func insertAction(_ draft: ActionDraft, diagnosisID: String) async throws -> Int64 {
        let rows: [StoreRow]
        switch draft {
        case .order(let order):
            rows = try await connection.rows("""
                INSERT INTO orders (idempotency_key, diagnosis_id, device_id, model, serial, customer, origin_ticket,
                    reason, findings, created_at)
                VALUES (\(order.idempotencyKey), \(diagnosisID), \(order.deviceID), \(order.model), \(order.serial),
                    \(order.customer), \(order.originTicket), \(order.reason), \(try JSONColumn.text(order.findings)),
                    \(order.createdAt))
                RETURNING id
                """, logger: logger)
        case .ticket(let ticket):
            rows = try await connection.rows("""
                INSERT INTO tickets (idempotency_key, diagnosis_id, device_id, customer, origin_ticket, summary, body,
                    findings, created_at)
                VALUES (\(ticket.idempotencyKey), \(diagnosisID), \(ticket.deviceID), \(ticket.customer),
                    \(ticket.originTicket), \(ticket.summary), \(ticket.body), \(try JSONColumn.text(ticket.findings)),
                    \(ticket.createdAt))
                RETURNING id
                """, logger: logger)
        case .note(let note):
            rows = try await connection.rows("""
                INSERT INTO notes (idempotency_key, diagnosis_id, device_id, origin_ticket, verdict, text, created_at)
                VALUES (\(note.idempotencyKey), \(diagnosisID), \(note.deviceID), \(note.originTicket),
                    \(note.verdict.rawValue), \(note.text), \(note.createdAt))
                RETURNING id
                """, logger: logger)
        }
        return try rows.first?["id", as: Int64.self] ?? 0
    }
}
