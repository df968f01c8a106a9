import Foundation
import TriageCore
import TriageStore

/// The store's public record types read back from rows, through their public initialisers (the
/// same values `AppDatabase` returns).
enum RecordRows {
    static func diagnosis(_ row: StoreRow) throws -> DiagnosisRecord {
        let id: String = try row["id"]
        guard let uuid = UUID(uuidString: id) else { throw DamagedRow(column: "diagnoses.id", value: id) }
        let device = DeviceSummary(id: try row["device_id"], host: try row["host"], model: try row["model"],
                                   firmware: try row["firmware"], serial: try row["serial"], customer: try row["customer"])
        let diagnosis = Diagnosis(
            id: uuid, device: device, requestedBy: try row["requested_by"], originTicket: try row["origin_ticket"],
            startedAt: try row["started_at"], durationMilliseconds: try row["duration_milliseconds"],
            verdict: try row.value("verdict"), findings: [], rulesFired: try row.json("rules_fired"),
            probeSHA256: try row.json("probe_sha256"), sections: [], warnings: try row.json("warnings"),
            triageVersion: try row["triage_version"])
        return DiagnosisRecord(diagnosis, recordedAt: try row["recorded_at"])
    }

    static func finding(_ row: StoreRow) throws -> Finding {
        Finding(component: try row.value("component"), code: try row["code"], severity: try row.value("severity"),
                message: try row["message"], verdict: try row.value("verdict"), isSecurity: try row["is_security"],
                remedy: try row["remedy"], reference: try row["reference"], evidence: try row.json("evidence"),
                ruleID: try row["rule_id"])
    }

    static func section(_ row: StoreRow) throws -> ProbeSection {
        ProbeSection(kind: try row.value("kind"), subject: try row["subject"], output: try row.text(bytes: "output"),
                     exitCode: try row["exit_code"], isAbsent: try row["is_absent"],
                     durationMilliseconds: try row["duration_milliseconds"], isTruncated: try row["is_truncated"],
                     errorOutput: try row.text(bytes: "error_output"))
    }

    static func audit(_ row: StoreRow) throws -> AuditRecord {
        var audit = AuditRecord(
            requestedBy: try row["requested_by"], deviceID: try row["device_id"], host: try row["host"],
            diagnosisID: try row["diagnosis_id"], probeSHA256: try row.json("probe_sha256"),
            startedAt: try row["started_at"], endedAt: try row["ended_at"], outcome: try row.value("outcome"),
            connectAttempts: try row["connect_attempts"], failure: try row["failure"], probes: try row.json("probes"))
        audit.id = try row["id"]
        return audit
    }

    static func order(_ row: StoreRow) throws -> OrderRecord {
        var order = OrderRecord(
            idempotencyKey: try row["idempotency_key"], diagnosisID: try row["diagnosis_id"],
            deviceID: try row["device_id"], model: try row["model"], serial: try row["serial"],
            customer: try row["customer"], originTicket: try row["origin_ticket"], reason: try row["reason"],
            findings: try row.json("findings"), createdAt: try row["created_at"])
        order.id = try row["id"]
        return order
    }

    static func ticket(_ row: StoreRow) throws -> TicketRecord {
        var ticket = TicketRecord(
            idempotencyKey: try row["idempotency_key"], diagnosisID: try row["diagnosis_id"],
            deviceID: try row["device_id"], customer: try row["customer"], originTicket: try row["origin_ticket"],
            summary: try row["summary"], body: try row["body"], findings: try row.json("findings"),
            createdAt: try row["created_at"])
        ticket.id = try row["id"]
        return ticket
    }

    static func note(_ row: StoreRow) throws -> NoteRecord {
        var note = NoteRecord(
            idempotencyKey: try row["idempotency_key"], diagnosisID: try row["diagnosis_id"],
            deviceID: try row["device_id"], originTicket: try row["origin_ticket"], verdict: try row.value("verdict"),
            text: try row["text"], createdAt: try row["created_at"])
        note.id = try row["id"]
        return note
    }

    static func outbox(_ row: StoreRow) throws -> OutboxRecord {
        var outbox = OutboxRecord(
            idempotencyKey: try row["idempotency_key"], diagnosisID: try row["diagnosis_id"], kind: try row.value("kind"),
            actionID: try row["action_id"], sink: try row["sink"], createdAt: try row["created_at"])
        outbox.id = try row["id"]
        outbox.attempts = try row["attempts"]
        outbox.lastAttemptAt = try row["last_attempt_at"]
        outbox.lastError = try row["last_error"]
        outbox.nextAttemptAt = try row["next_attempt_at"]
        outbox.claimedUntil = try row["claimed_until"]
        outbox.progress = try row["progress"]
        outbox.deliveredAt = try row["delivered_at"]
        outbox.externalReference = try row["external_reference"]
        return outbox
    }
}
