import TriageActions
import TriageEngine
import TriageStore

/// How the CLI tells what the engine recorded and delivered: one line per diagnosis and per
/// outbox entry. Recording happens in the engine (record before anyone is told); delivery is
/// the command's to schedule, after the verdict is shown (a sink may be slow).
enum StoreActing {
    /// Delivers what is due in the outbox (nothing without acting); one line per entry.
    static func deliver(_ engine: TriageEngine, act: Bool) async -> [String] {
        guard act else { return [] }
        await DeliveryHook.pauseIfAsked()
        return lines(await engine.deliverPending())
    }

    static func lines(_ report: DeliveryReport) -> [String] {
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
