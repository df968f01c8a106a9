public import Foundation
import Logging
import PostgresNIO
public import TriageCore
public import TriageStore

/// The job queue shared by every worker. Claims take `FOR UPDATE SKIP LOCKED`, so workers claim
/// side by side without waiting on each other's rows; a running job is held under a lease, and the
/// calls that end a job change it only while its worker still holds it.
extension PostgresStore: EscalationJobStore {
    /// Inserts a queued job for the ticket, or returns the job the same ticket made before; the
    /// unique (ticket_system, ticket_id) makes two deliveries at once, on two workers, one job.
    public func submitJob(ticket: TicketReference, deviceID: String, source: EscalationJob.Source,
                          now: Date) async throws -> JobSubmission {
        try await transaction { connection in
            let inserted = try await connection.rows("""
                INSERT INTO jobs (id, ticket_system, ticket_id, ticket_url, device_id, source, state, created_at)
                VALUES (\(JobRows.key(UUID())), \(ticket.system), \(ticket.id), \(ticket.url), \(deviceID),
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

    /// The oldest job that is queued, or running under an expired lease, whose device has no job
    /// running under a live lease; held by `worker` until `now + lease`. Only a device's oldest
    /// waiting job is a candidate, so a device's escalations run in order even when another claim
    /// holds its oldest row (`SKIP LOCKED` passes that device over). A transaction lock per device
    /// makes "no live job on this device" and the claim one step: two workers never start one device.
    public func claimNextJob(worker: String, lease: TimeInterval, now: Date) async throws -> EscalationJob? {
        try await transaction { connection in
            var passed: [String] = []
            while let row = try await connection.firstRow("""
                SELECT id, device_id FROM jobs j
                WHERE (state = 'queued' OR (state = 'running' AND (lease_expires_at IS NULL OR lease_expires_at <= \(now))))
                  AND NOT (id = ANY(\(passed)))
                  AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.state = 'running' AND r.device_id = j.device_id
                                    AND r.lease_expires_at > \(now))
                  AND NOT EXISTS (SELECT 1 FROM jobs o WHERE o.device_id = j.device_id
                                    AND (o.state = 'queued' OR (o.state = 'running'
                                         AND (o.lease_expires_at IS NULL OR o.lease_expires_at <= \(now))))
                                    AND (o.created_at, o.position) < (j.created_at, j.position))
                ORDER BY created_at, position LIMIT 1 FOR UPDATE SKIP LOCKED
                """, logger: logger) {
                let id: String = try row["id"]
                let deviceID: String = try row["device_id"]
                passed.append(id)
                guard try await JobRows.lockDevice(deviceID, connection: connection, logger: logger),
                      try await !JobRows.hasLiveJob(deviceID, now: now, connection: connection, logger: logger) else { continue }
                return try await connection.firstRow("""
                    UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = \(now), worker = \(worker),
                        lease_expires_at = \(now.addingTimeInterval(lease))
                    WHERE id = \(id) RETURNING *
                    """, logger: logger).map(JobRows.job)
            }
            return nil
        }
    }

    public func renewJobLease(id: UUID, worker: String, lease: TimeInterval, now: Date) async throws -> Bool {
        try await changedHeldJob("""
            UPDATE jobs SET lease_expires_at = \(now.addingTimeInterval(lease))
            WHERE id = \(JobRows.key(id)) AND state = 'running' AND worker = \(worker) RETURNING 1
            """)
    }

    public func finishJob(id: UUID, worker: String, diagnosisID: String, verdict: String, now: Date) async throws -> Bool {
        try await changedHeldJob("""
            UPDATE jobs SET state = 'done', finished_at = \(now), diagnosis_id = \(diagnosisID), verdict = \(verdict),
                last_error = NULL, lease_expires_at = NULL
            WHERE id = \(JobRows.key(id)) AND state = 'running' AND worker = \(worker) RETURNING 1
            """)
    }

    public func failJob(id: UUID, worker: String, error: String, now: Date) async throws -> Bool {
        try await changedHeldJob("""
            UPDATE jobs SET state = 'failed', finished_at = \(now), last_error = \(error), lease_expires_at = NULL
            WHERE id = \(JobRows.key(id)) AND state = 'running' AND worker = \(worker) RETURNING 1
            """)
    }

    public func releaseJob(id: UUID, worker: String) async throws -> Bool {
        try await changedHeldJob("""
            UPDATE jobs SET state = 'queued', worker = NULL, lease_expires_at = NULL
            WHERE id = \(JobRows.key(id)) AND state = 'running' AND worker = \(worker) RETURNING 1
            """)
    }

    public func jobCounts() async throws -> JobCounts {
        try await read { connection in
            let byState = try await JobRows.countsByState(connection.rows(
                "SELECT state, COUNT(*) AS n FROM jobs GROUP BY state", logger: logger))
            let outbox = try await connection.firstRow("""
                SELECT COUNT(*) AS backlog, COUNT(*) FILTER (WHERE last_error IS NOT NULL) AS failing
                FROM outbox WHERE delivered_at IS NULL
                """, logger: logger)
            return JobCounts(byState: byState, outboxBacklog: try outbox?["backlog", as: Int.self] ?? 0,
                             outboxFailing: try outbox?["failing", as: Int.self] ?? 0)
        }
    }

    /// An update of a job its worker holds (the query says so in its WHERE); true when it changed it.
    private func changedHeldJob(_ update: PostgresQuery) async throws -> Bool {
        try await transaction { connection in !(try await connection.rows(update, logger: logger)).isEmpty }
    }
}
