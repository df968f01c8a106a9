public import Foundation
import Logging
import PostgresNIO
import TriageCore
public import TriageStore

/// Sweeps in the shared queue: one `sweeps` row and one job per device, for the workers to run.
extension PostgresStore {
    public func enqueueSweep(deviceIDs: [String], requestedBy: String, now: Date) async throws -> EscalationSweep {
        let devices = SweepDevices.distinct(deviceIDs)
        let sweep = EscalationSweep(id: UUID(), jobCount: devices.count, requestedBy: requestedBy, createdAt: now)
        let sweepKey = JobRows.key(sweep.id)
        let jobIDs = devices.map { _ in JobRows.key(UUID()) }
        let ticketIDs = devices.map { EscalationJob.sweepTicket(sweepID: sweep.id, deviceID: $0).id }
        try await transaction { connection in
            try await connection.queryWhileOpen("""
                INSERT INTO sweeps (id, requested_by, job_count, created_at)
                VALUES (\(sweepKey), \(requestedBy), \(devices.count), \(now))
                """, logger: logger)
            // One statement for the whole fleet; ordinality keeps the devices' order in the queue.
            try await connection.queryWhileOpen("""
                INSERT INTO jobs (id, ticket_system, ticket_id, device_id, source, state, created_at, sweep_id)
                SELECT job_id, 'sweep', ticket_id, device_id, 'sweep', 'queued', \(now), \(sweepKey)
                FROM unnest(\(jobIDs)::text[], \(ticketIDs)::text[], \(devices)::text[]) WITH ORDINALITY
                    AS given(job_id, ticket_id, device_id, n)
                ORDER BY n
                """, logger: logger)
        }
        return sweep
    }

    public func sweepProgress(id: UUID) async throws -> SweepProgress? {
        let key = JobRows.key(id)
        return try await read { connection in
            guard let row = try await connection.firstRow("SELECT * FROM sweeps WHERE id = \(key)", logger: logger) else {
                return nil
            }
            let sweep = EscalationSweep(id: id, jobCount: try row["job_count"], requestedBy: try row["requested_by"],
                                        createdAt: try row["created_at"])
            let byState = try await JobRows.countsByState(connection.rows(
                "SELECT state, COUNT(*) AS n FROM jobs WHERE sweep_id = \(key) GROUP BY state", logger: logger))
            var verdicts: [String: Int] = [:]
            for row in try await connection.rows(
                "SELECT verdict, COUNT(*) AS n FROM jobs WHERE sweep_id = \(key) AND state = 'done' GROUP BY verdict",
                logger: logger) {
                verdicts[try row["verdict", as: String?.self] ?? "unknown"] = try row["n", as: Int.self]
            }
            let failures = try await connection.rows(
                "SELECT device_id, last_error FROM jobs WHERE sweep_id = \(key) AND state = 'failed' ORDER BY device_id",
                logger: logger
            ).map { SweepProgress.Failure(deviceID: try $0["device_id"], reason: try $0["last_error", as: String?.self] ?? "no reason recorded") }
            return SweepProgress(sweep: sweep, byState: byState, verdicts: verdicts, failures: failures)
        }
    }
}
