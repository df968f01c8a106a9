import Foundation
import Logging
import OpenAPIRuntime
import TriageCore
import TriageServiceAPI
import TriageStore

/// The routes of Docs/openapi.yaml, over the generated server types. Authentication and the body
/// limit are done before (`AuthenticationMiddleware`); malformed bodies are answered by
/// `RequestErrorMiddleware`. Statuses are decided here and only here.
struct EscalationAPI: APIProtocol {
    let intake: EscalationIntake
    let database: any RecordStore
    let status: ServiceStatus
    let metrics: ServiceMetrics
    let logger: Logger

    func createEscalation(_ input: Operations.createEscalation.Input) async throws -> Operations.createEscalation.Output {
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(JobDocument.error("the body must be JSON")))) }
        let ticket = TicketReference(system: body.ticket.system, id: body.ticket.id, url: body.ticket.url)
        do {
            let submission = try await intake.submit(ticket: ticket, deviceID: body.device, source: .http)
            let job = JobDocument.make(submission.job)
            return submission.created ? .accepted(.init(body: .json(job))) : .ok(.init(body: .json(job)))
        } catch {
            let message = JobDocument.error(error.message)
            switch error.reason {
            case .invalid: return .badRequest(.init(body: .json(message)))
            case .unknownDevice: return .notFound(.init(body: .json(message)))
            case .shuttingDown, .store: return .serviceUnavailable(.init(body: .json(message)))
            }
        }
    }

    func getJob(_ input: Operations.getJob.Input) async throws -> Operations.getJob.Output {
        guard let id = UUID(uuidString: input.path.id) else { return .badRequest(.init(body: .json(Self.notAnID))) }
        guard let job = try await database.job(id: id) else {
            return .notFound(.init(body: .json(JobDocument.error("no job \(id.uuidString.lowercased())"))))
        }
        return .ok(.init(body: .json(JobDocument.make(job))))
    }

    func getDiagnosis(_ input: Operations.getDiagnosis.Input) async throws -> Operations.getDiagnosis.Output {
        guard let id = UUID(uuidString: input.path.id) else { return .badRequest(.init(body: .json(Self.notAnID))) }
        let key = id.uuidString.lowercased()
        guard let stored = try await database.diagnosis(id: key), stored.record.id == key, let diagnosis = stored.diagnosis else {
            return .notFound(.init(body: .json(JobDocument.error("no diagnosis \(key)"))))
        }
        let document = DiagnosisDocument(diagnosis, facts: Diagnoser.document(sections: stored.evidence),
                                         actions: stored.deliveries.map(Self.describe))
        // The CLI's own document, re-read as the API's type (which keeps every key it does not name).
        let typed = try JSONDecoder().decode(Components.Schemas.DiagnosisDocument.self, from: Data(try document.json().utf8))
        return .ok(.init(body: .json(typed)))
    }

    func getHealth(_ input: Operations.getHealth.Input) async throws -> Operations.getHealth.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func getReadiness(_ input: Operations.getReadiness.Input) async throws -> Operations.getReadiness.Output {
        var store = "ok"
        do {
            _ = try await database.jobCounts()
        } catch {
            store = "the store did not answer: \(error)"
        }
        let workers = status.workers
        let ready = store == "ok" && workers > 0 && !status.isDraining
        let body = Components.Schemas.Readiness(status: ready ? .ready : .not_ready, store: store, workers: workers,
                                                draining: status.isDraining)
        return ready ? .ok(.init(body: .json(body))) : .serviceUnavailable(.init(body: .json(body)))
    }

    func getMetrics(_ input: Operations.getMetrics.Input) async throws -> Operations.getMetrics.Output {
        let counts = try? await database.jobCounts()
        return .ok(.init(body: .plainText(HTTPBody(metrics.render(counts: counts)))))
    }

    private static let notAnID = JobDocument.error("the id must be a UUID")

    /// One outbox row of the diagnosis, as `triage show` lists them.
    private static func describe(_ row: OutboxRecord) -> String {
        let state = row.deliveredAt != nil ? "delivered (\(row.externalReference ?? "-"))"
            : row.lastError.map { "pending, last attempt failed: \($0)" } ?? "pending"
        return "\(row.kind.rawValue) \(row.actionID) [\(row.idempotencyKey)]: \(state)"
    }
}
