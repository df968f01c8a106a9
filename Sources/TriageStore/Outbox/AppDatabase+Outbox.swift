public import Foundation
import GRDB

extension AppDatabase {
    /// Outbox rows, oldest first; only the undelivered ones unless `includeDelivered`.
    public func outbox(includeDelivered: Bool = false) async throws -> [OutboxRecord] {
        try await writer.read { db in
            var request = StoredRow<OutboxRecord>.order(Column("id"))
            if !includeDelivered { request = request.filter(Column("deliveredAt") == nil) }
            return try request.fetchAll(db).map(\.record)
        }
    }

    /// Takes the next undelivered row after `afterID` that is due (any, with `ignoringSchedule`)
    /// and no one else holds, and holds it for `lease`: another process delivering at the same
    /// moment skips it. One row at a time, so that the lease can cover one delivery's deadline
    /// (a batch held at once would expire while its first rows are still being delivered). A holder
    /// that dies simply lets the lease run out; the row is then taken again.
    public func claimNext(afterID: Int64 = 0, now: Date = Date(), lease: TimeInterval,
                          ignoringSchedule: Bool = false, sinksWithoutEvidence: Set<String> = []) async throws -> OutboxEntry? {
        try await writer.write { db in
            var request = StoredRow<OutboxRecord>.filter(Column("deliveredAt") == nil && Column("id") > afterID)
                .filter(Column("claimedUntil") == nil || Column("claimedUntil") <= now)
            if !ignoringSchedule { request = request.filter(Column("nextAttemptAt") <= now) }
            let rows = try request.order(Column("id")).fetchCursor(db)
            while var row = try rows.next() {
                guard let entry = try Self.entry(for: row.record, withEvidence: !sinksWithoutEvidence.contains(row.record.sink),
                                                 db: db) else { continue }
                row.record.claimedUntil = now.addingTimeInterval(lease)
                try row.update(db, columns: ["claimedUntil"])
                return OutboxEntry(outbox: row.record, action: entry.action, diagnosis: entry.diagnosis, evidence: entry.evidence)
            }
            return nil
        }
    }

    /// The sink accepted the row: it is done, and `reference` is the receipt.
    public func markDelivered(outboxID: Int64, reference: String, at date: Date = Date()) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET deliveredAt = ?, externalReference = ?, attempts = attempts + 1,
                        lastAttemptAt = ?, lastError = NULL, claimedUntil = NULL WHERE id = ?
                    """,
                arguments: [date, reference, date, outboxID])
        }
    }

    /// The attempt failed: keep the row, say why, and try again at `nextAttemptAt`.
    public func markFailed(outboxID: Int64, error: String, nextAttemptAt: Date, at date: Date = Date()) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET attempts = attempts + 1, lastAttemptAt = ?, lastError = ?,
                        nextAttemptAt = ?, claimedUntil = NULL WHERE id = ?
                    """,
                arguments: [date, error, nextAttemptAt, outboxID])
        }
    }

    /// Records a finished step of a multi-step delivery, so that a retry resumes after it.
    public func saveProgress(outboxID: Int64, progress: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE outbox SET progress = ? WHERE id = ?", arguments: [progress, outboxID])
        }
    }

    private static func entry(for outbox: OutboxRecord, withEvidence: Bool, db: Database) throws -> OutboxEntry? {
        guard let diagnosis = try StoredRow<DiagnosisRecord>.fetchOne(db, key: outbox.diagnosisID)?.record else { return nil }
        let action: ActionDraft?
        switch outbox.kind {
        case .order: action = try StoredRow<OrderRecord>.fetchOne(db, key: outbox.actionID).map { .order($0.record) }
        case .ticket: action = try StoredRow<TicketRecord>.fetchOne(db, key: outbox.actionID).map { .ticket($0.record) }
        case .note: action = try StoredRow<NoteRecord>.fetchOne(db, key: outbox.actionID).map { .note($0.record) }
        }
        guard let action else { return nil }
        let evidence = outbox.kind == .note || !withEvidence ? [] : try EvidenceRow.sections(diagnosisID: diagnosis.id, db: db)
        return OutboxEntry(outbox: outbox, action: action, diagnosis: diagnosis, evidence: evidence)
    }
}
