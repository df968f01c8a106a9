public import Foundation
public import TriageCore

/// One row of `tickets`: a third-level ticket. Its evidence is the diagnosis' `evidence` rows,
/// attached when the ticket is delivered.
public struct TicketRecord: Codable, Sendable, Hashable, StoredRecord, Identifiable {
    static let databaseTableName = "tickets"

    public var id: Int64?
    public var idempotencyKey: String
    public var diagnosisID: String
    public var deviceID: String
    public var customer: String?
    public var originTicket: String?
    public var summary: String
    /// The ticket's text: what was found, and on which device.
    public var body: String
    public var findings: [Finding]
    public var createdAt: Date

    public init(idempotencyKey: String, diagnosisID: String, deviceID: String, customer: String?, originTicket: String?,
                summary: String, body: String, findings: [Finding], createdAt: Date) {
        self.idempotencyKey = idempotencyKey
        self.diagnosisID = diagnosisID
        self.deviceID = deviceID
        self.customer = customer
        self.originTicket = originTicket
        self.summary = StoredText.visible(summary)
        self.body = StoredText.visible(body)
        self.findings = findings
        self.createdAt = createdAt
    }

    mutating func didInsert(rowID: Int64) { id = rowID }
}
