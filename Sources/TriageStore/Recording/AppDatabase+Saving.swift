public import Foundation
import GRDB
public import TriageCore

extension AppDatabase {
    /// Stores a diagnosis with its findings, evidence, audit entry and action, and puts the
    /// action in the outbox: all in one transaction, so a crash leaves either everything or
    /// nothing. An action whose idempotency key is already in the outbox is not made again.
    public func save(_ diagnosis: Diagnosis, audit: AuditRecord?, action: ActionDraft?, sink: String,
                     now: Date = Date()) async throws -> SaveResult {
        try await writer.write { db in
            try Self.insert(diagnosis, audit: audit, action: action, sink: sink, now: now, db: db)
        }
    }

    /// One diagnosis with its findings, evidence, audit entry and action, inside the caller's transaction.
    static func insert(_ diagnosis: Diagnosis, audit: AuditRecord?, action: ActionDraft?, sink: String, now: Date,
                       db: Database) throws -> SaveResult {
        let record = DiagnosisRecord(diagnosis, recordedAt: now)
        // Cached statements for the two look-ups every device makes: GRDB's query interface builds
        // and prepares its SQL again on each call (1.2% of a sweep's CPU for this one).
        let isNew = try Row.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM diagnoses WHERE id = ?"), arguments: [record.id]) == nil
        if isNew {
            var row = StoredRow(record)
            try row.insert(db)
            for (position, finding) in diagnosis.findings.enumerated() {
                var row = FindingRecord(finding, diagnosisID: record.id, position: position)
                try row.insert(db)
            }
            try EvidenceRows.insert(diagnosis.sections, diagnosisID: record.id, recordedAt: now, db: db)
            if var audit {
                audit.diagnosisID = record.id
                try audit.insert(db)
            }
        }
        let saved = try action.map { try enqueue($0, diagnosisID: record.id, sink: sink, now: now, db: db) }
        return SaveResult(diagnosisID: record.id, diagnosisIsNew: isNew, action: saved)
    }

    /// Appends one audit entry on its own: a session that produced no diagnosis still is on record.
    @discardableResult
    public func appendAudit(_ audit: AuditRecord) async throws -> AuditRecord {
        try await writer.write { db in
            var audit = audit
            try audit.insert(db)
            return audit
        }
    }

    private static func enqueue(_ draft: ActionDraft, diagnosisID: String, sink: String, now: Date,
                                db: Database) throws -> SavedAction {
        let sameKey = try db.cachedStatement(sql: "SELECT * FROM outbox WHERE idempotencyKey = ? LIMIT 1")
        if let existing = try StoredRow<OutboxRecord>.fetchOne(sameKey, arguments: [draft.idempotencyKey])?.record {
            return SavedAction(kind: existing.kind, actionID: existing.actionID, outboxID: existing.id ?? 0,
                               idempotencyKey: existing.idempotencyKey, isNew: false, diagnosisID: existing.diagnosisID)
        }
        let actionID: Int64
        switch draft {
        case .order(var order):
            order.diagnosisID = diagnosisID
            try order.insert(db)
            actionID = order.id ?? 0
        case .ticket(var ticket):
            ticket.diagnosisID = diagnosisID
            try ticket.insert(db)
            actionID = ticket.id ?? 0
        case .note(var note):
            note.diagnosisID = diagnosisID
            try note.insert(db)
            actionID = note.id ?? 0
        }
        var outbox = OutboxRecord(idempotencyKey: draft.idempotencyKey, diagnosisID: diagnosisID, kind: draft.kind,
                                  actionID: actionID, sink: sink, createdAt: now)
        try outbox.insert(db)
        return SavedAction(kind: draft.kind, actionID: actionID, outboxID: outbox.id ?? 0,
                           idempotencyKey: draft.idempotencyKey, isNew: true, diagnosisID: diagnosisID)
    }
}
