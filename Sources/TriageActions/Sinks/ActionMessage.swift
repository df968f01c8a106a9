import Foundation
import TriageCore
import TriageStore

/// The JSON body the webhook sink POSTs: one order, ticket or note with what the receiver needs
/// to act on it without asking back. `idempotencyKey` repeats the header, for receivers that log bodies.
struct ActionMessage: Codable, Sendable {
    var type: ActionKind
    var idempotencyKey: String
    var diagnosisID: String
    var verdict: Verdict
    var device: DeviceSummary
    var requestedBy: String
    var originTicket: String?
    /// The order's reason, the ticket's summary, or the note's first line.
    var summary: String
    /// The ticket's body or the note's text; for orders, the findings in words.
    var text: String
    var findings: [Finding]
    /// The redacted raw sections: for tickets (third level needs them) and orders.
    var evidence: [ProbeSection]
    var createdAt: Date

    init(_ entry: OutboxEntry) {
        let diagnosis = entry.diagnosis
        type = entry.outbox.kind
        idempotencyKey = entry.outbox.idempotencyKey
        diagnosisID = diagnosis.id
        verdict = diagnosis.verdict
        device = diagnosis.device
        requestedBy = diagnosis.requestedBy
        originTicket = diagnosis.originTicket
        createdAt = entry.outbox.createdAt
        switch entry.action {
        case .order(let order):
            summary = order.reason
            text = ActionText.findings(order.findings).joined(separator: "\n")
            findings = order.findings
            evidence = entry.evidence
        case .ticket(let ticket):
            summary = ticket.summary
            text = ticket.body
            findings = ticket.findings
            evidence = entry.evidence
        case .note(let note):
            summary = note.text.split(separator: "\n").first.map(String.init) ?? ""
            text = note.text
            findings = []
            evidence = []
        }
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
