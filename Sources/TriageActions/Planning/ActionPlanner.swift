public import Foundation
public import TriageCore
public import TriageStore

/// Turns a verdict into what it calls for: `replace` → order, `escalate` → ticket,
/// `healthy`/`remediable` → note for the originating ticket. Pure: no I/O.
public enum ActionPlanner {
    public static func action(for diagnosis: Diagnosis, now: Date = Date()) -> ActionDraft {
        let key = IdempotencyKey.make(for: diagnosis)
        let id = diagnosis.id.uuidString.lowercased()
        let device = diagnosis.device
        let relevant = diagnosis.findings.filter { $0.verdict == diagnosis.verdict }
        switch diagnosis.verdict {
        case .replace:
            return .order(OrderRecord(
                idempotencyKey: key, diagnosisID: id, deviceID: device.id, model: device.model, serial: device.serial,
                customer: device.customer, originTicket: diagnosis.originTicket,
                reason: reason(relevant.isEmpty ? diagnosis.findings : relevant, fallback: "hardware fault"),
                findings: diagnosis.findings, createdAt: now))
        case .escalate:
            let summary = "\(device.id): " + reason(relevant.isEmpty ? diagnosis.findings : relevant, fallback: "needs third level")
            return .ticket(TicketRecord(
                idempotencyKey: key, diagnosisID: id, deviceID: device.id, customer: device.customer,
                originTicket: diagnosis.originTicket, summary: summary, body: ActionText.report(diagnosis),
                findings: diagnosis.findings, createdAt: now))
        case .healthy, .remediable:
            return .note(NoteRecord(
                idempotencyKey: key, diagnosisID: id, deviceID: device.id, originTicket: diagnosis.originTicket,
                verdict: diagnosis.verdict, text: ActionText.report(diagnosis), createdAt: now))
        }
    }

    /// One line: the messages of the findings that decided the verdict.
    private static func reason(_ findings: [Finding], fallback: String) -> String {
        let messages = findings.map(\.message)
        return messages.isEmpty ? fallback : messages.joined(separator: "; ")
    }
}
