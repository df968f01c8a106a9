import TriageActions
import TriageCore
import TriageStore

/// What `triage diagnose` does after the verdict: records the diagnosis and its audit entry in the
/// store, opens the order, ticket or note in the same transaction (unless `--no-act`), and
/// delivers the outbox. Every session is recorded, acted on or not: the audit log misses none.
struct StoreActing: DiagnosisActing {
    let recorder: DiagnosisRecorder
    let outcome: ProbeRunOutcome?
    let act: Bool

    func act(on diagnosis: Diagnosis) async throws -> [String] {
        let recorded = try await recorder.record(diagnosis, outcome: outcome, act: act)
        var lines = [Self.describe(recorded)]
        guard act else { return lines }
        await DeliveryHook.pauseIfAsked()
        let report = await recorder.deliverPending()
        if let error = report.storeError { lines.append("delivery: the store failed: \(error)") }
        for item in report.items {
            lines.append(item.reference.map { "delivered [\(item.idempotencyKey)]: \($0)" }
                ?? "still pending [\(item.idempotencyKey)], retried later (see `triage outbox`): \(item.error ?? "")")
        }
        return lines
    }

    /// One line: the diagnosis id, and the action opened or found by its idempotency key.
    static func describe(_ recorded: RecordedDiagnosis) -> String {
        guard let action = recorded.action else { return "recorded as diagnosis \(recorded.diagnosisID); no action taken" }
        let state = action.isNew ? "opened" : "already open from diagnosis \(action.diagnosisID), not opened again"
        return "recorded as diagnosis \(recorded.diagnosisID); \(action.kind.rawValue) \(action.actionID) \(state) [\(action.idempotencyKey)]"
    }
}
