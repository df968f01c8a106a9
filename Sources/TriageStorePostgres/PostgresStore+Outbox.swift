public import Foundation
import Logging
import PostgresNIO
public import TriageStore

extension PostgresStore {
    /// Outbox rows, oldest first; only the undelivered ones unless `includeDelivered`.
    public func outbox(includeDelivered: Bool) async throws -> [OutboxRecord] {
        try await read { connection in
            try await connection.rows(
                "SELECT * FROM outbox WHERE \(includeDelivered) OR delivered_at IS NULL ORDER BY id", logger: logger
            ).map(RecordRows.outbox)
        }
    }

    /// Takes the next undelivered row after `afterID` that is due (any, with `ignoringSchedule`)
    /// and that no one holds, and holds it for `lease`. `FOR UPDATE SKIP LOCKED`: a deliverer on
    /// another machine claiming at the same moment passes over the row this one is taking, and
    /// once committed the lease keeps it off until it runs out.
    public func claimNext(afterID: Int64, now: Date, lease: TimeInterval, ignoringSchedule: Bool,
                          sinksWithoutEvidence: Set<String>) async throws -> OutboxEntry? {
        try await transaction { connection in
            var after = afterID
            while let row = try await connection.firstRow("""
                SELECT * FROM outbox
                WHERE delivered_at IS NULL AND id > \(after)
                  AND (claimed_until IS NULL OR claimed_until <= \(now))
                  AND (\(ignoringSchedule) OR next_attempt_at <= \(now))
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                """, logger: logger) {
                var outbox = try RecordRows.outbox(row)
                after = outbox.id ?? after
                // A row whose diagnosis or action is missing cannot be delivered: passed over, as in SQLite.
                guard let entry = try await entry(for: outbox, withEvidence: !sinksWithoutEvidence.contains(outbox.sink),
                                                  connection: connection) else { continue }
                let until = now.addingTimeInterval(lease)
                try await connection.queryWhileOpen("UPDATE outbox SET claimed_until = \(until) WHERE id = \(after)", logger: logger)
                outbox.claimedUntil = until
                return OutboxEntry(outbox: outbox, action: entry.action, diagnosis: entry.diagnosis, evidence: entry.evidence)
            }
            return nil
        }
    }

    /// The sink accepted the row: it is done, and `reference` is the receipt.
    public func markDelivered(outboxID: Int64, reference: String, at date: Date) async throws {
        try await write("""
            UPDATE outbox SET delivered_at = \(date), external_reference = \(reference), attempts = attempts + 1,
                last_attempt_at = \(date), last_error = NULL, claimed_until = NULL
            WHERE id = \(outboxID)
            """)
    }

    /// The attempt failed: keep the row, say why, and try again at `nextAttemptAt`.
    public func markFailed(outboxID: Int64, error: String, nextAttemptAt: Date, at date: Date) async throws {
        try await write("""
            UPDATE outbox SET attempts = attempts + 1, last_attempt_at = \(date), last_error = \(error),
                next_attempt_at = \(nextAttemptAt), claimed_until = NULL
            WHERE id = \(outboxID)
            """)
    }

    /// Records a finished step of a multi-step delivery, so that a retry resumes after it.
    public func saveProgress(outboxID: Int64, progress: String) async throws {
        try await write("UPDATE outbox SET progress = \(progress) WHERE id = \(outboxID)")
    }

    private func entry(for outbox: OutboxRecord, withEvidence: Bool, connection: PostgresConnection) async throws -> OutboxEntry? {
        guard let diagnosisRow = try await connection.firstRow(
            "SELECT * FROM diagnoses WHERE id = \(outbox.diagnosisID)", logger: logger) else { return nil }
        let action: ActionDraft?
        switch outbox.kind {
        case .order:
            action = try await connection.firstRow("SELECT * FROM orders WHERE id = \(outbox.actionID)", logger: logger)
                .map { .order(try RecordRows.order($0)) }
        case .ticket:
            action = try await connection.firstRow("SELECT * FROM tickets WHERE id = \(outbox.actionID)", logger: logger)
                .map { .ticket(try RecordRows.ticket($0)) }
        case .note:
            action = try await connection.firstRow("SELECT * FROM notes WHERE id = \(outbox.actionID)", logger: logger)
                .map { .note(try RecordRows.note($0)) }
        }
        guard let action else { return nil }
        let evidence = outbox.kind == .note || !withEvidence
            ? [] : try await evidence(diagnosisID: outbox.diagnosisID, connection: connection)
        return OutboxEntry(outbox: outbox, action: action, diagnosis: try RecordRows.diagnosis(diagnosisRow), evidence: evidence)
    }
}
