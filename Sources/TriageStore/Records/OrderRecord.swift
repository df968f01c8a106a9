public import Foundation
public import TriageCore

/// One row of `orders`: a replacement order (RMA) for a device whose hardware is broken.
public struct OrderRecord: Codable, Sendable, Hashable, StoredRecord, Identifiable {
    static let databaseTableName = "orders"

    public var id: Int64?
    /// (device, originating ticket, verdict): at most one order per key, however often diagnosed.
    public var idempotencyKey: String
    public var diagnosisID: String
    public var deviceID: String
    public var model: String?
    public var serial: String?
    public var customer: String?
    public var originTicket: String?
    /// Why the device is replaced, in one line a warehouse can read.
    public var reason: String
    public var findings: [Finding]
    public var createdAt: Date

    public init(idempotencyKey: String, diagnosisID: String, deviceID: String, model: String?, serial: String?,
                customer: String?, originTicket: String?, reason: String, findings: [Finding], createdAt: Date) {
        self.idempotencyKey = idempotencyKey
        self.diagnosisID = diagnosisID
        self.deviceID = deviceID
        self.model = model
        self.serial = serial
        self.customer = customer
        self.originTicket = originTicket
        self.reason = StoredText.visible(reason)
        self.findings = findings
        self.createdAt = createdAt
    }

    mutating func didInsert(rowID: Int64) { id = rowID }
}
