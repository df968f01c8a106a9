import TriageCore
import TriageStore

extension RequestTrackerSink {
    /// The comment on the originating ticket for an order or a third-level ticket: what a
    /// technician needs without opening anything else — verdict, cause, the new ticket with its
    /// link, the diagnosis id, and the findings (the whole report for a third-level ticket).
    func answer(for entry: OutboxEntry, newTicket ticket: Int) -> String {
        let diagnosis = entry.diagnosis
        let link = configuration.ticketPage(ticket)
        var lines = ["Triage diagnosed \(diagnosis.deviceID): \(diagnosis.verdict.rawValue)."]
        switch entry.action {
        case .order(let order):
            lines += ["Cause: \(order.reason)", "Replacement order (RMA) opened as RT #\(ticket): \(link)",
                      "Diagnosis: \(diagnosis.id)", ""]
            lines += ActionText.findings(order.findings)
        case .ticket(let escalation):
            lines += ["Cause: \(escalation.summary)", "Third-level ticket opened as RT #\(ticket): \(link)", ""]
            lines.append(escalation.body)
        case .note(let note):
            lines.append(note.text)
        }
        lines.append("[\(entry.outbox.idempotencyKey)]")
        return lines.joined(separator: "\n") + "\n"
    }
}
