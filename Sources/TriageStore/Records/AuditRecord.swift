public import Foundation

/// One row of `auditLog`: one SSH session (or attempt) on one device. Append-only: the schema's
/// triggers refuse UPDATE and DELETE, so the record of what ran on whose device can't be rewritten.
public struct AuditRecord: Codable, Sendable, Hashable, StoredRecord {
    static let databaseTableName = "auditLog"

    /// How the session ended.
    public enum Outcome: String, Codable, Sendable, Hashable {
        /// Every probe ran to its end and was read completely.
        case completed
        /// A session was opened, but some probe was cut short, failed or never started.
        case incomplete
        /// No session could be opened after the retries.
        case connectionFailed = "connection-failed"
        /// No SSH session took place (a diagnosis recorded without a probe run).
        case notProbed = "not-probed"
        /// Triage was stopped (SIGINT, SIGTERM) during the session: it was closed, no verdict made.
        case interrupted
    }

    public var id: Int64?
    /// A technician's name, or `ticket:<id>` for an escalation.
    public var requestedBy: String
    public var deviceID: String
    public var host: String
    public var diagnosisID: String?
    /// Probe name → SHA-256 of the exact script sent.
    public var probeSHA256: [String: String]
    public var startedAt: Date
    public var endedAt: Date
    public var outcome: Outcome
    public var connectAttempts: Int
    /// The session failure in words (the SSH error's code, step and detail), if any.
    public var failure: String?
    /// One entry per probe: how it ended.
    public var probes: [AuditProbe]

    public init(requestedBy: String, deviceID: String, host: String, diagnosisID: String?,
                probeSHA256: [String: String], startedAt: Date, endedAt: Date, outcome: Outcome,
                connectAttempts: Int, failure: String?, probes: [AuditProbe]) {
        self.requestedBy = requestedBy
        self.deviceID = deviceID
        self.host = host
        self.diagnosisID = diagnosisID
        self.probeSHA256 = probeSHA256
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.connectAttempts = connectAttempts
        self.failure = StoredText.visible(failure)
        self.probes = probes
    }

    mutating func didInsert(rowID: Int64) { id = rowID }
}

/// How one probe script's run ended, as the audit log keeps it.
public struct AuditProbe: Codable, Sendable, Hashable {
    public var name: String
    public var sha256: String
    public var exitStatus: Int32?
    public var isTruncated: Bool
    public var failure: String?
    /// The probe was never started (connection lost, overall deadline passed).
    public var notRun: Bool

    public init(name: String, sha256: String, exitStatus: Int32?, isTruncated: Bool, failure: String?, notRun: Bool = false) {
        self.name = name
        self.sha256 = sha256
        self.exitStatus = exitStatus
        self.isTruncated = isTruncated
        self.failure = failure
        self.notRun = notRun
    }
}
