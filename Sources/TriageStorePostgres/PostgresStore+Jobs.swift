public import Foundation
import Logging
import PostgresNIO
public import TriageCore
public import TriageStore

extension PostgresStore: EscalationJobStore {
    /// Inserts a queued job for the ticket, or returns the job the same ticket made before; the
    /// unique (ticket_system, ticket_id) makes two deliveries at once, on two workers, one job.
    public func submitJob(ticket: TicketReference, deviceID: String, source: EscalationJob.Source,
                          now: Date) async throws -> JobSubmission {
        try await transaction { connection in
            let job = EscalationJob(id: UUID(), ticket: ticket, deviceID: deviceID, source: source, createdAt: now)
            let inserted = try await connection.rows("""
                INSERT INTO jobs (id, ticket_system, ticket_id, ticket_url, device_id, source, state, created_at)
                VALUES (\(JobRows.key(job.id)), \(ticket.system), \(ticket.id), \(ticket.url), \(deviceID),
                    \(source.rawValue), 'queued', \(now))
                ON CONFLICT (ticket_system, ticket_id) DO NOTHING RETURNING *
                """, logger: logger)
            if let row = inserted.first { return JobSubmission(job: try JobRows.job(row), created: true) }
            guard let existing = try await connection.firstRow(
                "SELECT * FROM jobs WHERE ticket_system = \(ticket.system) AND ticket_id = \(ticket.id)", logger: logger) else {
                throw DamagedRow(column: "jobs.ticket_id", value: ticket.id)
            }
            return JobSubmission(job: try JobRows.job(existing), created: false)
        }
    }

    public func job(id: UUID) async throws -> EscalationJob? {
        try await read { connection in
            try await connection.firstRow("SELECT * FROM jobs WHERE id = \(JobRows.key(id))", logger: logger).map(JobRows.job)
        }
    }

    /// The oldest queued job whose device has no running job, marked running in the same
    /// transaction. `FOR UPDATE SKIP LOCKED` lets workers claim side by side; a transaction lock
    /// per device makes the "no running job on this device" check and the claim one step, so two
    /// workers never start the same device.
    public func claimNextJob(now: Date) async throws -> EscalationJob? {
        try await transaction { connection in
            var after: Int64 = 0
            while let row = try await connection.firstRow("""
                SELECT position, id, device_id FROM jobs j WHERE state = 'queued' AND position > \(after)
                  AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.state = 'running' AND r.device_id = j.device_id)
                ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED
                """, logger: logger) {
                after = try row["position"]
                let deviceID: String = try row["device_id"]
                guard try await JobRows.lockDevice(deviceID, connection: connection, logger: logger) else { continue }
                let running = try await connection.firstRow(
                    "SELECT 1 AS one FROM jobs WHERE state = 'running' AND device_id = \(deviceID)", logger: logger)
                guard running == nil else { continue }
                let id: String = try row["id"]
                return try await connection.firstRow("""
                    UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = \(now)
                    WHERE id = \(id) RETURNING *
                    """, logger: logger).map(JobRows.job)
            }
            return nil
        }
    }

    public func finishJob(id: UUID, diagnosisID: String, verdict: String, now: Date) async throws {
        try await transaction { connection in
            try await connection.run("""
                UPDATE jobs SET state = 'done', finished_at = \(now), diagnosis_id = \(diagnosisID), verdict = \(verdict),
                    last_error = NULL
                WHERE id = \(JobRows.key(id))
                """, logger: logger)
        }
    }

    public func failJob(id: UUID, error: String, now: Date) async throws {
        try await transaction { connection in
            try await connection.run(
                "UPDATE jobs SET state = 'failed', finished_at = \(now), last_error = \(error) WHERE id = \(JobRows.key(id))",
                logger: logger)
        }
    }

    public func requeueJob(id: UUID) async throws {
        try await transaction { connection in
            try await connection.run(
                "UPDATE jobs SET state = 'queued' WHERE id = \(JobRows.key(id)) AND state = 'running'", logger: logger)
        }
    }

    public func requeueRunningJobs() async throws -> Int {
        try await transaction { connection in
            try await connection.rows("UPDATE jobs SET state = 'queued' WHERE state = 'running' RETURNING 1", logger: logger).count
        }
    }

    public func jobCounts() async throws -> JobCounts {
        try await read { connection in
            var byState: [EscalationJob.State: Int] = [:]
            for row in try await connection.rows("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state", logger: logger) {
                if let state = EscalationJob.State(rawValue: try row["state"]) { byState[state] = try row["n", as: Int.self] }
            }
            let outbox = try await connection.firstRow("""
                SELECT COUNT(*) AS backlog, COUNT(*) FILTER (WHERE last_error IS NOT NULL) AS failing
                FROM outbox WHERE delivered_at IS NULL
                """, logger: logger)
            return JobCounts(byState: byState, outboxBacklog: try outbox?["backlog", as: Int.self] ?? 0,
                             outboxFailing: try outbox?["failing", as: Int.self] ?? 0)
        }
    }
}
