public import Foundation
public import TriageCore

/// One row of `diagnoses`: the diagnosis without its findings and evidence (tables of their own).
public struct DiagnosisRecord: Codable, Sendable, Hashable, StoredRecord {
    static let databaseTableName = "diagnoses"

    public var id: String
    public var deviceID: String
    public var host: String
    public var model: String?
    public var firmware: String?
    public var serial: String?
    public var customer: String?
    public var requestedBy: String
    public var originTicket: String?
    public var startedAt: Date
    public var durationMilliseconds: Int
    public var verdict: Verdict
    public var rulesFired: [String]
    public var probeSHA256: [String: String]
    public var warnings: [String]
    public var triageVersion: String
    public var recordedAt: Date

    public init(_ diagnosis: Diagnosis, recordedAt: Date) {
        id = diagnosis.id.uuidString.lowercased()
        deviceID = diagnosis.device.id
        host = diagnosis.device.host
        model = diagnosis.device.model
        firmware = diagnosis.device.firmware
        serial = diagnosis.device.serial
        customer = diagnosis.device.customer
        requestedBy = diagnosis.requestedBy
        originTicket = diagnosis.originTicket
        startedAt = diagnosis.startedAt
        durationMilliseconds = diagnosis.durationMilliseconds
        verdict = diagnosis.verdict
        rulesFired = diagnosis.rulesFired
        probeSHA256 = diagnosis.probeSHA256
        warnings = diagnosis.warnings
        triageVersion = diagnosis.triageVersion
        self.recordedAt = recordedAt
    }

    public var device: DeviceSummary {
        DeviceSummary(id: deviceID, host: host, model: model, firmware: firmware, serial: serial, customer: customer)
    }
}
