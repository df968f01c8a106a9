import Crypto
import Foundation
public import TriageCore

/// The key that makes a repeated diagnosis harmless: (device, originating ticket, verdict).
///
/// It is a short hash so that it can stand in an RT subject and be found again with TicketSQL
/// (`Subject LIKE '<key>'`), and in an HTTP header, whatever characters the ids contain.
public enum IdempotencyKey {
    public static func make(deviceID: String, originTicket: String?, verdict: Verdict) -> String {
        let material = [deviceID, originTicket ?? "", verdict.rawValue].joined(separator: "\u{0}")
        let digest = SHA256.hash(data: Data(material.utf8))
        return "triage-" + digest.prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    public static func make(for diagnosis: Diagnosis) -> String {
        make(deviceID: diagnosis.device.id, originTicket: diagnosis.originTicket, verdict: diagnosis.verdict)
    }
}
