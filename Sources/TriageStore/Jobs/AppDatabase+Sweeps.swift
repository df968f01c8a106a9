public import Foundation
import GRDB

/// Sweeps in the job queue (SQLite): one `sweeps` row and one job per device.
extension AppDatabase {
    public func enqueueSweep(deviceIDs: [String], requestedBy: String, now: Date = Date()) async throws -> EscalationSweep {
        let devices = SweepDevices.distinct(deviceIDs)
        let sweep = EscalationSweep(id: UUID(), jobCount: devices.count, requestedBy: requestedBy, createdAt: now)
        try await writer.write { db in
            try db.execute(sql: "INSERT INTO sweeps (id, requestedBy, jobCount, createdAt) VALUES (?, ?, ?, ?)",
                           arguments: [JobRecord.key(sweep.id), requestedBy, devices.count, now])
            for device in devices {
                try JobRecord(EscalationJob(id: UUID(), ticket: EscalationJob.sweepTicket(sweepID: sweep.id, deviceID: device),
                                            deviceID: device, source: .sweep, createdAt: now, sweepID: sweep.id)).insert(db)
            }
        }
        return sweep
    }

    public func sweepProgress(id: UUID) async throws -> SweepProgress? {
        try await writer.read { db in
            let key = JobRecord.key(id)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sweeps WHERE id = ?", arguments: [key]) else { return nil }
            let sweep = EscalationSweep(id: id, jobCount: row["jobCount"], requestedBy: row["requestedBy"], createdAt: row["createdAt"])
            var byState: [EscalationJob.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM jobs WHERE sweepID = ? GROUP BY state",
                                        arguments: [key]) {
                if let state = EscalationJob.State(rawValue: row["state"]) { byState[state] = row["n"] }
            }
            var verdicts: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT verdict, COUNT(*) AS n FROM jobs WHERE sweepID = ? AND state = 'done' GROUP BY verdict",
                arguments: [key]) {
                verdicts[row["verdict"] ?? "unknown"] = row["n"]
            }
            let failures = try Row.fetchAll(
                db, sql: "SELECT deviceID, lastError FROM jobs WHERE sweepID = ? AND state = 'failed' ORDER BY deviceID",
                arguments: [key]
            ).map { SweepProgress.Failure(deviceID: $0["deviceID"], reason: $0["lastError"] ?? "no reason recorded") }
            return SweepProgress(sweep: sweep, byState: byState, verdicts: verdicts, failures: failures)
        }
    }
}
