import Foundation
import TriageCore
import TriageServiceAPI
import TriageStore

/// A stored job as the API shows it (`Job` in Docs/openapi.yaml), with links to itself and its diagnosis.
enum JobDocument {
    static func make(_ job: EscalationJob) -> Components.Schemas.Job {
        let id = job.id.uuidString.lowercased()
        return Components.Schemas.Job(
            id: id, state: .init(rawValue: job.state.rawValue) ?? .queued,
            ticket: .init(system: job.ticket.system, id: job.ticket.id, url: job.ticket.url),
            device: job.deviceID, source: .init(rawValue: job.source.rawValue) ?? .http, attempts: job.attempts,
            created_at: job.createdAt, started_at: job.startedAt, finished_at: job.finishedAt,
            diagnosis_id: job.diagnosisID, verdict: job.verdict, error: job.lastError,
            links: .init(_self: "/v1/jobs/\(id)", diagnosis: job.diagnosisID.map { "/v1/diagnoses/\($0)" }))
    }

    static func error(_ message: String) -> Components.Schemas._Error {
        .init(error: .init(message: message))
    }
}
