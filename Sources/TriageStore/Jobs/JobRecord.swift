import Foundation
import GRDB
import TriageCore

/// One row of `jobs`; internal: callers see `EscalationJob`.
struct JobRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "jobs"

    var id: String
    var ticketSystem: String
    var ticketID: String
    var ticketURL: String?
    var deviceID: String
    var source: String
    var state: String
    var attempts: Int
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?
    var diagnosisID: String?
    var verdict: String?
    var lastError: String?
    var worker: String?
    var leaseExpiresAt: Date?
    var sweepID: String?

    /// Ids are stored lower case, as diagnosis ids are.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// True while `hold`'s worker runs the job (read inside the caller's write transaction).
    static func isHeld(_ hold: JobHold, db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM jobs WHERE id = ? AND state = 'running' AND worker = ?",
                          arguments: [key(hold.jobID), hold.worker]) ?? false
    }

    init(_ job: EscalationJob) {
        id = Self.key(job.id)
        ticketSystem = job.ticket.system
        ticketID = job.ticket.id
        ticketURL = job.ticket.url
        deviceID = job.deviceID
        source = job.source.rawValue
        state = job.state.rawValue
        attempts = job.attempts
        createdAt = job.createdAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
        diagnosisID = job.diagnosisID
        verdict = job.verdict
        lastError = job.lastError
        worker = job.worker
        leaseExpiresAt = job.leaseExpiresAt
        sweepID = job.sweepID.map(Self.key)
    }

    func job() throws -> EscalationJob {
        guard let uuid = UUIDParsing.uuid(id), let source = EscalationJob.Source(rawValue: source),
              let state = EscalationJob.State(rawValue: state) else {
            throw JobRecordDamaged(id: id)
        }
        var sweep: UUID?
        if let sweepID {
            guard let parsed = UUIDParsing.uuid(sweepID) else { throw JobRecordDamaged(id: id) }
            sweep = parsed
        }
        return EscalationJob(id: uuid, ticket: TicketReference(system: ticketSystem, id: ticketID, url: ticketURL),
                             deviceID: deviceID, source: source, state: state, attempts: attempts, createdAt: createdAt,
                             startedAt: startedAt, finishedAt: finishedAt, diagnosisID: diagnosisID, verdict: verdict,
                             lastError: lastError, worker: worker, leaseExpiresAt: leaseExpiresAt, sweepID: sweep)
    }
}

/// A row the schema's checks should have kept out.
struct JobRecordDamaged: Error, CustomStringConvertible {
    let id: String
    var description: String { "job \(id) in the store has an unknown state, source or id; check it with sqlite3" }
}
