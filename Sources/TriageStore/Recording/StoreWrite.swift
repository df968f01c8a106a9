public import TriageCore

/// One thing to record in a batch (`AppDatabase.save(batch:)`): a diagnosis with its audit entry
/// and action, or an audit entry alone (a session that made no diagnosis).
public enum StoreWrite: Sendable {
    /// `heldJob`: the job it answers, recorded only while that hold stands (`JobHold`).
    case diagnosis(Diagnosis, audit: AuditRecord?, action: ActionDraft?, sink: String, heldJob: JobHold? = nil)
    case audit(AuditRecord)
}
