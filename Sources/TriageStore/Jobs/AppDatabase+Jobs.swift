public import Foundation
import GRDB
public import TriageCore

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

    public func claimNextJob(now: Date = Date()) async throws -> EscalationJob? {
        try await writer.write { db in
            let sql = """
                SELECT * FROM jobs WHERE state = 'queued'
                  AND deviceID NOT IN (SELECT deviceID FROM jobs WHERE state = 'running')
                ORDER BY rowid LIMIT 1
                """
            guard var record = try JobRecord.fetchOne(db, sql: sql) else { return nil }
            record.state = EscalationJob.State.running.rawValue
            record.attempts += 1
            record.startedAt = now
            try record.update(db, columns: ["state", "attempts", "startedAt"])
            return try record.job()
        }
    }

    public func finishJob(id: UUID, diagnosisID: String, verdict: String, now: Date = Date()) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE jobs SET state = 'done', finishedAt = ?, diagnosisID = ?, verdict = ?, lastError = NULL WHERE id = ?",
                arguments: [now, diagnosisID, verdict, JobRecord.key(id)])
        }
    }

    public func failJob(id: UUID, error: String, now: Date = Date()) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE jobs SET state = 'failed', finishedAt = ?, lastError = ? WHERE id = ?",
                           arguments: [now, error, JobRecord.key(id)])
        }
    }

    public func requeueJob(id: UUID) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE jobs SET state = 'queued' WHERE id = ? AND state = 'running'", arguments: [JobRecord.key(id)])
        }
    }

    public func requeueRunningJobs() async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: "UPDATE jobs SET state = 'queued' WHERE state = 'running'")
            return db.changesCount
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
