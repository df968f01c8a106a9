import Foundation
import TriageStore

/// `triage sweep status` as text: one progress line, then the states, verdicts and failures.
enum SweepStatusText {
    static func progressLine(_ progress: SweepProgress) -> String {
        let states = [EscalationJob.State.queued, .running, .done, .failed].map { "\(progress[$0]) \($0.rawValue)" }
        return "\(progress.finished)/\(progress.sweep.jobCount) finished (\(states.joined(separator: ", ")))"
    }

    static func lines(_ progress: SweepProgress) -> [String] {
        let sweep = progress.sweep
        var lines = [
            "sweep \(sweep.id.uuidString.lowercased()), requested by \(sweep.requestedBy) at \(DeliveryText.date(sweep.createdAt))",
            progressLine(progress) + (progress.isComplete ? ": complete" : ": still running"),
        ]
        if !progress.verdicts.isEmpty {
            let verdicts = progress.verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("verdicts: " + verdicts.joined(separator: ", "))
        }
        if !progress.failures.isEmpty {
            lines.append("failed (Triage's own failures, no verdict about these devices):")
            lines += progress.failures.map { "  \($0.deviceID): \($0.reason)" }
        }
        return lines
    }
}

/// `triage sweep status --json`.
struct SweepStatusDocument: Encodable {
    struct Failure: Encodable {
        var device: String
        var reason: String
    }

    var id: String
    var requestedBy: String
    var createdAt: Date
    var total: Int
    var finished: Int
    var complete: Bool
    var states: [String: Int]
    var verdicts: [String: Int]
    var failures: [Failure]

    init(_ progress: SweepProgress) {
        id = progress.sweep.id.uuidString.lowercased()
        requestedBy = progress.sweep.requestedBy
        createdAt = progress.sweep.createdAt
        total = progress.sweep.jobCount
        finished = progress.finished
        complete = progress.isComplete
        states = Dictionary(uniqueKeysWithValues: EscalationJob.State.allCases.map { ($0.rawValue, progress[$0]) })
        verdicts = progress.verdicts
        failures = progress.failures.map { Failure(device: $0.deviceID, reason: $0.reason) }
    }

    enum CodingKeys: String, CodingKey {
        case id, total, finished, complete, states, verdicts, failures
        case requestedBy = "requested_by"
        case createdAt = "created_at"
    }
}
