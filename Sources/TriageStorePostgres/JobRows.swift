import Foundation
import Logging
import PostgresNIO
import TriageCore
import TriageStore

/// Jobs to and from rows.
enum JobRows {
    /// Ids are stored lower case, as diagnosis ids are (and as the SQLite store keeps them).
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    static func job(_ row: StoreRow) throws -> EscalationJob {
        let id: String = try row["id"]
        guard let uuid = UUID(uuidString: id) else { throw DamagedRow(column: "jobs.id", value: id) }
        return EscalationJob(
            id: uuid, ticket: TicketReference(system: try row["ticket_system"], id: try row["ticket_id"], url: try row["ticket_url"]),
            deviceID: try row["device_id"], source: try row.value("source"), state: try row.value("state"),
            attempts: try row["attempts"], createdAt: try row["created_at"], startedAt: try row["started_at"],
            finishedAt: try row["finished_at"], diagnosisID: try row["diagnosis_id"], verdict: try row["verdict"],
            lastError: try row["last_error"], worker: try row["worker"], leaseExpiresAt: try row["lease_expires_at"],
            sweepID: try (row["sweep_id", as: String?.self]).flatMap(UUID.init(uuidString:)))
    }

    /// Takes the device's transaction lock, or answers false at once when another claim holds it:
    /// that claim is starting a job on the device, so this one moves on to the next job.
    static func lockDevice(_ deviceID: String, connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let row = try await connection.firstRow(
            "SELECT pg_try_advisory_xact_lock(hashtextextended(\("job-device:" + deviceID), 0)) AS locked", logger: logger)
        return try row?["locked", as: Bool.self] ?? false
    }

    /// Whether a job other than the one being claimed runs on the device under a live lease,
    /// as committed now (read after the device lock, so a claim that just committed is seen).
    static func hasLiveJob(_ deviceID: String, now: Date, connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.firstRow("""
            SELECT 1 AS live FROM jobs WHERE state = 'running' AND device_id = \(deviceID) AND lease_expires_at > \(now)
            """, logger: logger) != nil
    }

    static func countsByState(_ rows: [StoreRow]) throws -> [EscalationJob.State: Int] {
        var byState: [EscalationJob.State: Int] = [:]
        for row in rows {
            if let state = EscalationJob.State(rawValue: try row["state"]) { byState[state] = try row["n", as: Int.self] }
        }
        return byState
    }
}
