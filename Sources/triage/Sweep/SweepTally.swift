import TriageCore
import TriageEngine

/// What a sweep has done so far: counts per verdict, failures, and the devices that need action.
struct SweepTally: Sendable {
    /// A device that needs someone: replace, escalate or remediable, with its one-line reason.
    struct NeedsAction: Sendable {
        var device: String
        var verdict: Verdict
        var reason: String
    }

    var total: Int
    var done = 0
    var verdicts: [Verdict: Int] = [:]
    /// Triage's own failures and diagnoses the store refused: no verdict on record.
    var failures: [String] = []
    var interrupted = 0
    /// Devices that ran to an end of their own (verdict or failure), not cut off.
    var finished: Int { done - interrupted }
    var needsAction: [NeedsAction] = []

    init(total: Int) {
        self.total = total
    }

    mutating func add(_ result: DeviceResult) {
        done += 1
        switch result.status {
        case .diagnosed(let diagnosis, _, _):
            verdicts[diagnosis.verdict, default: 0] += 1
            if diagnosis.verdict != .healthy {
                needsAction.append(NeedsAction(device: result.device.id, verdict: diagnosis.verdict, reason: Self.reason(diagnosis)))
            }
        case .notRecorded(let diagnosis, _, let error):
            failures.append("\(result.device.id): \(diagnosis.verdict.rawValue), but not recorded (nothing ordered or escalated): \(error)")
        case .ownFailure(let failure, _):
            failures.append("\(result.device.id): Triage's own failure, no verdict: \(failure)")
        case .interrupted:
            interrupted += 1
        case .notStarted:
            done -= 1
        }
    }

    /// The exit status: the worst verdict (0 healthy, 10 remediable, 20 replace, 30 escalate), or
    /// 1 when Triage failed for any device (its own failure, or the store refused the record).
    var exitStatus: Int32 {
        if !failures.isEmpty { return CLIError.internalStatus }
        return verdicts.keys.map(\.exitStatus).max() ?? 0
    }

    /// "healthy 120, remediable 30, replace 4, escalate 2".
    var verdictCounts: String {
        Verdict.allCases.sorted { $0.exitStatus < $1.exitStatus }.map { "\($0.rawValue) \(verdicts[$0, default: 0])" }
            .joined(separator: ", ")
    }

    /// The finding that decided the verdict, in one line.
    static func reason(_ diagnosis: Diagnosis) -> String {
        let deciding = diagnosis.findings.first { $0.verdict == diagnosis.verdict } ?? diagnosis.findings.first
        let text = deciding.map { "\($0.code): \($0.message)" } ?? diagnosis.verdict.rawValue
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
