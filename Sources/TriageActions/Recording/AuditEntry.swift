import Foundation
import TriageCore
import TriageStore

/// Builds the audit log's row from what the probe runner reports about one session.
enum AuditEntry {
    /// `interruption` says why the session was cut off by Triage's side (e.g. "interrupted by SIGTERM").
    static func make(outcome: ProbeRunOutcome, requestedBy: String, interruption: String? = nil) -> AuditRecord {
        var probes = outcome.probes.map { probe in
            AuditProbe(name: probe.name, sha256: probe.sha256, exitStatus: probe.exitStatus,
                       isTruncated: probe.isTruncated, failure: probe.failure.map(describe))
        }
        probes += outcome.probesNotRun.map { AuditProbe(name: $0, sha256: "", exitStatus: nil, isTruncated: false, failure: nil, notRun: true) }
        let outcomeKind: AuditRecord.Outcome = interruption != nil ? .interrupted
            : outcome.connectionFailure != nil ? .connectionFailed : (outcome.isComplete ? .completed : .incomplete)
        let seconds = Double(outcome.duration.components.seconds) + Double(outcome.duration.components.attoseconds) / 1e18
        return AuditRecord(
            requestedBy: requestedBy, deviceID: outcome.device.id, host: outcome.device.host, diagnosisID: nil,
            probeSHA256: Dictionary(outcome.probes.map { ($0.name, $0.sha256) }, uniquingKeysWith: { first, _ in first }),
            startedAt: outcome.startedAt, endedAt: outcome.startedAt.addingTimeInterval(seconds), outcome: outcomeKind,
            connectAttempts: outcome.connectAttempts, failure: interruption ?? outcome.connectionFailure.map(describe), probes: probes)
    }

    /// A diagnosis recorded without the runner's report (made elsewhere, or replayed from JSON).
    static func make(diagnosis: Diagnosis) -> AuditRecord {
        AuditRecord(
            requestedBy: diagnosis.requestedBy, deviceID: diagnosis.device.id, host: diagnosis.device.host, diagnosisID: nil,
            probeSHA256: diagnosis.probeSHA256, startedAt: diagnosis.startedAt,
            endedAt: diagnosis.startedAt.addingTimeInterval(Double(diagnosis.durationMilliseconds) / 1000),
            outcome: .notProbed, connectAttempts: 0, failure: nil, probes: [])
    }

    private static func describe(_ error: TransportFailure) -> String {
        let step = error.step.map { " at \($0.rawValue)" } ?? ""
        return "\(error.code.rawValue)\(step): \(error.detail)"
    }
}
