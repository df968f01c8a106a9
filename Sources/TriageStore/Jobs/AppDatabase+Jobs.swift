public import Foundation
import GRDB
public import TriageCore

/// The job queue in SQLite. Several processes on one file serialise on SQLite's write lock, so a
/// claim (one write transaction) is as exclusive as PostgreSQL's `FOR UPDATE SKIP LOCKED`.
extension AppDatabase: EscalationJobStore {
    public func submitJob(ticket: TicketReference, deviceID: String, source: EscalationJob.Source,
                          now: Date = Date()) async throws -> JobSubmission {
        try await writer.write { db in
            if let existing = try JobRecord.filter(Column("ticketSystem") == ticket.system && Column("ticketID") == ticket.id)
                .fetchOne(db) {
                return JobSubmission(job: try existing.job(), created: false)
            }
            let record = JobRecord(EscalationJob(id: UUID(), ticket: ticket, deviceID: deviceID, source: source, createdAt: now))
            try record.insert(db)
            return JobSubmission(job: try record.job(), created: true)
        }
    }

    public func job(id: UUID) async throws -> EscalationJob? {
        try await writer.read { db in try JobRecord.fetchOne(db, key: JobRecord.key(id))?.job() }
    }

    public func claimNextJob(worker: String, lease: TimeInterval, now: Date = Date()) async throws -> EscalationJob? {
        try await writer.write { db in
            // A lease is live while leaseExpiresAt > now; a running job without one (left by a
            // version before leases) counts as expired.
            let sql = """
                SELECT * FROM jobs
                WHERE (state = 'queued' OR (state = 'running' AND (leaseExpiresAt IS NULL OR leaseExpiresAt <= :now)))
                  AND deviceID NOT IN (SELECT deviceID FROM jobs WHERE state = 'running' AND leaseExpiresAt > :now)
                ORDER BY createdAt, rowid LIMIT 1
                """
            guard var record = try JobRecord.fetchOne(db, sql: sql, arguments: ["now": now]) else { return nil }
            record.state = EscalationJob.State.running.rawValue
            record.attempts += 1
            record.startedAt = now
            record.worker = worker
            record.leaseExpiresAt = now.addingTimeInterval(lease)
            try record.update(db, columns: ["state", "attempts", "startedAt", "worker", "leaseExpiresAt"])
            return try record.job()
        }
    }

    public func renewJobLease(id: UUID, worker: String, lease: TimeInterval, now: Date = Date()) async throws -> Bool {
        try await changeHeldJob(id: id, worker: worker, set: "leaseExpiresAt = ?", [now.addingTimeInterval(lease)])
    }

    public func finishJob(id: UUID, worker: String, diagnosisID: String, verdict: String, now: Date = Date()) async throws -> Bool {
        try await changeHeldJob(
            id: id, worker: worker,
            set: "state = 'done', finishedAt = ?, diagnosisID = ?, verdict = ?, lastError = NULL, leaseExpiresAt = NULL",
            [now, diagnosisID, verdict])
    }

    public func failJob(id: UUID, worker: String, error: String, now: Date = Date()) async throws -> Bool {
        try await changeHeldJob(id: id, worker: worker, set: "state = 'failed', finishedAt = ?, lastError = ?, leaseExpiresAt = NULL",
                                [now, error])
    }

    public func releaseJob(id: UUID, worker: String) async throws -> Bool {
        try await changeHeldJob(id: id, worker: worker, set: "state = 'queued', worker = NULL, leaseExpiresAt = NULL", [])
    }

    /// One update of a job that `worker` runs; true when it changed it.
    private func changeHeldJob(id: UUID, worker: String, set assignments: String, _ values: StatementArguments) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE jobs SET \(assignments) WHERE id = ? AND state = 'running' AND worker = ?",
                           arguments: values + [JobRecord.key(id), worker])
            return db.changesCount > 0
        }
    }

    public func jobCounts() async throws -> JobCounts {
        try await writer.read { db in
            var byState: [EscalationJob.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM jobs GROUP BY state") {
                if let state = EscalationJob.State(rawValue: row["state"]) { byState[state] = row["n"] }
            }
            let backlog = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE deliveredAt IS NULL") ?? 0
            let failing = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM outbox WHERE deliveredAt IS NULL AND lastError IS NOT NULL") ?? 0
            return JobCounts(byState: byState, outboxBacklog: backlog, outboxFailing: failing)
        }
    }
}
