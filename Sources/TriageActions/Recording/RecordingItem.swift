public import TriageCore
public import TriageStore

/// One thing `DiagnosisRecorder.record(batch:)` puts on record.
public enum RecordingItem: Sendable {
    /// A diagnosis with the run that made it (its audit entry), and with `act` its action.
    /// `heldJob`: the service's job it answers, recorded only while the worker still holds it.
    case diagnosis(Diagnosis, outcome: ProbeRunOutcome?, act: Bool, heldJob: JobHold? = nil)
    /// A session that made no diagnosis: Triage's own failure, or one cut off (`interruption`, e.g. "interrupted by SIGTERM").
    case audit(ProbeRunOutcome, requestedBy: String, interruption: String?)
}
