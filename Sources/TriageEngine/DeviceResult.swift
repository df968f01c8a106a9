public import TriageActions
public import TriageCore

/// What the engine made of one device.
public struct DeviceResult: Sendable {
    public enum Status: Sendable {
        /// Diagnosed and recorded, with its action when acting.
        case diagnosed(Diagnosis, facts: JSONValue, recorded: RecordedDiagnosis)
        /// Diagnosed, but the store refused the record: nothing was ordered, escalated or noted.
        case notRecorded(Diagnosis, facts: JSONValue, error: any Error)
        /// Triage's own failure (name resolution, credentials, local limits): no verdict, no
        /// action, only an audit entry (`auditError` when even that failed).
        case ownFailure(String, auditError: (any Error)?)
        /// Cancelled during its session: the session was closed and audited as interrupted; no verdict.
        case interrupted(auditError: (any Error)?)
        /// Cancelled before its session started: nothing was done to the device or recorded.
        case notStarted
    }

    public var device: Device
    public var status: Status
    /// The probe run; nil when none started.
    public var outcome: ProbeRunOutcome?

    /// The verdict, when there is one.
    public var diagnosis: Diagnosis? {
        switch status {
        case .diagnosed(let diagnosis, _, _), .notRecorded(let diagnosis, _, _): diagnosis
        case .ownFailure, .interrupted, .notStarted: nil
        }
    }
}
