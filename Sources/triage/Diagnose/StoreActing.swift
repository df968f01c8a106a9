import TriageActions
import TriageCore
import TriageStore

/// What `triage diagnose` does with a verdict, in two steps so that the verdict can be shown
/// between them: `record` stores the diagnosis and its audit entry, and opens the order, ticket
/// or note in the same transaction (unless `--no-act`); `deliver` then sends the outbox to its
/// sink, which may be slow. Every session is recorded, acted on or not: the audit log misses none.
struct StoreActing {
    let recorder: DiagnosisRecorder
    let outcome: ProbeRunOutcome?
    let act: Bool

    /// Records `diagnosis`; returns the line that says what was recorded and opened.
    func record(_ diagnosis: Diagnosis) async throws -> String {
        Self.describe(try await recorder.record(diagnosis, outcome: outcome, act: act))
    }

    /// Delivers what is due in the outbox (nothing with `--no-act`); one line per entry.
    func deliver() async -> [String] {
        guard act else { return [] }
        await DeliveryHook.pauseIfAsked()
        let report = await recorder.deliverPending()
        var lines: [String] = []
        if let error = report.storeError { lines.append("the store failed: \(error)") }
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
