public import Foundation
import TriageCore
import TriageStore

extension DiagnosisRecorder {
    /// Records `items` in one transaction (`RecordStore.save(batch:)`): what `record` and
    /// `recordAudit` do one by one, without a commit and an fsync each. Not cancellable: it
    /// completes even in a task being cancelled, so that what finished is on record.
    ///
    /// One result per item, in order: the recorded diagnosis, or nil for an audit entry.
    /// Evidence retention, when configured, is applied once for the whole batch.
    public func record(batch items: [RecordingItem], now: Date = Date()) async -> [Result<RecordedDiagnosis?, any Error>] {
        let writes = items.map { item -> StoreWrite in
            switch item {
            case .diagnosis(let diagnosis, let outcome, let act, let heldJob):
                let audit = outcome.map { AuditEntry.make(outcome: $0, requestedBy: diagnosis.requestedBy) } ?? AuditEntry.make(diagnosis: diagnosis)
                let action = act ? ActionPlanner.action(for: diagnosis, now: now) : nil
                return .diagnosis(diagnosis, audit: audit, action: action, sink: configuration.sink.name, heldJob: heldJob)
            case .audit(let outcome, let requestedBy, let interruption):
                return .audit(AuditEntry.make(outcome: outcome, requestedBy: requestedBy, interruption: interruption))
            }
        }
        let saved = await database.save(batch: writes, now: now)
        let pruned = saved.contains { (try? $0.get()) != nil } ? await pruneAfterRecording(now: now, context: "a batch of \(items.count)") : 0
        return saved.map { result in
            result.map { save in
                save.map { RecordedDiagnosis(diagnosisID: $0.diagnosisID, action: $0.action, prunedEvidence: pruned) }
            }
        }
    }
}
