import Foundation
import TriageCore
import TriageStore
import TriageTestSupport

/// Values for the contract tests. Dates are whole seconds, which both stores keep exactly (SQLite
/// to the millisecond, PostgreSQL to the microsecond).
enum StoreContractSamples {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    static func diagnosis(_ verdict: Verdict, device: String, ticket: String? = "42", at offset: TimeInterval = 0) -> Diagnosis {
        SampleDiagnoses.make(verdict, device: device, originTicket: ticket, startedAt: start.addingTimeInterval(offset))
    }

    static func order(for diagnosis: Diagnosis, key: String? = nil) -> ActionDraft {
        .order(OrderRecord(idempotencyKey: key ?? "order:\(diagnosis.device.id)", diagnosisID: "", deviceID: diagnosis.device.id,
                           model: diagnosis.device.model, serial: diagnosis.device.serial, customer: diagnosis.device.customer,
                           originTicket: diagnosis.originTicket, reason: "No radio\0 (driver probe failed)",
                           findings: diagnosis.findings, createdAt: start))
    }

    static func ticket(for diagnosis: Diagnosis) -> ActionDraft {
        .ticket(TicketRecord(idempotencyKey: "ticket:\(diagnosis.device.id)", diagnosisID: "", deviceID: diagnosis.device.id,
                             customer: diagnosis.device.customer, originTicket: diagnosis.originTicket,
                             summary: "DSL down", body: "DSL line down on the network side", findings: diagnosis.findings,
                             createdAt: start))
    }

    static func note(for diagnosis: Diagnosis) -> ActionDraft {
        .note(NoteRecord(idempotencyKey: "note:\(diagnosis.device.id)", diagnosisID: "", deviceID: diagnosis.device.id,
                         originTicket: diagnosis.originTicket, verdict: diagnosis.verdict, text: "All fine", createdAt: start))
    }

    static func audit(device: String, at offset: TimeInterval = 0, outcome: AuditRecord.Outcome = .completed) -> AuditRecord {
        AuditRecord(requestedBy: "alice", deviceID: device, host: "127.0.0.1", diagnosisID: nil,
                    probeSHA256: ["wlan": String(repeating: "ab", count: 32)], startedAt: start.addingTimeInterval(offset),
                    endedAt: start.addingTimeInterval(offset + 2), outcome: outcome, connectAttempts: 1, failure: nil,
                    probes: [AuditProbe(name: "wlan", sha256: "ab", exitStatus: 0, isTruncated: false, failure: nil)])
    }

    /// Sections with a NUL byte and non-ASCII text: both stores keep their exact bytes.
    static let awkwardSections = SampleDiagnoses.sections + [
        ProbeSection(kind: .command, subject: "iwinfo", output: "ESSID: \"caf\u{e9}\0net\"\n", exitCode: 0,
                     durationMilliseconds: 7),
    ]
}
