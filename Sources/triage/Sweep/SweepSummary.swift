import TriageActions
import TriageCore
import TriageInventory

/// The end of `triage sweep`: counts per verdict, the devices that need action with their
/// reasons (replace and escalate first), Triage's own failures, and what delivery did.
struct SweepSummary {
    var tally: SweepTally
    var delivery: [String] = []

    /// The summary, line by line: printed one at a time, since with thousands of devices needing
    /// action a joined copy was the sweep's last peak of memory.
    func lines(interruptedBy signal: String?) -> [String] {
        var lines: [String] = []
        if let signal {
            lines.append("interrupted by \(signal): \(tally.finished) of \(tally.total) devices finished (recorded); "
                + "\(tally.interrupted) sessions cut off (in the audit log, no verdict); the rest not started")
        }
        lines.append("swept \(tally.finished) of \(tally.total) devices: \(tally.verdictCounts); \(tally.failures.count) failures")
        let order: [Verdict] = [.replace, .escalate, .remediable]
        for verdict in order {
            let devices = tally.needsAction.filter { $0.verdict == verdict }
            guard !devices.isEmpty else { continue }
            lines.append("\(verdict.rawValue) (\(devices.count)):")
            lines += devices.map { "  \($0.device): \($0.reason)" }
        }
        if !tally.failures.isEmpty {
            lines.append("failures of Triage itself (no verdict; not evidence about the device) (\(tally.failures.count)):")
            lines += tally.failures.map { "  \($0)" }
        }
        lines += delivery.map { "delivery: \($0)" }
        return lines
    }

    /// Delivery in a few lines, however large the fleet: the counts, then what stays pending and why.
    static func delivery(_ report: DeliveryReport) -> [String] {
        var lines = ["\(report.delivered) delivered, \(report.stillPending) still pending (see `triage outbox`)"]
        if let error = report.storeError { lines.append("the store failed: \(error)") }
        let failed = report.items.filter { $0.error != nil }
        lines += failed.prefix(20).map { "still pending [\($0.idempotencyKey)]: \($0.error ?? "")" }
        if failed.count > 20 { lines.append("… and \(failed.count - 20) more pending") }
        return lines
    }
}
