import Logging
import TriageActions
import TriageCore
public import TriageInventory

extension TriageEngine {
    /// Probes, diagnoses and records one device, and opens its action when `request.act` (the
    /// outbox is delivered separately: `deliverPending`). The policy of one diagnosis:
    /// - at most one SSH session per device in this process: a second caller waits its turn;
    /// - Triage's own failures are no evidence about the device: no verdict, no action, an audit entry;
    /// - a run cut off by cancellation is audited as interrupted (`request.interruption` says why);
    ///   no verdict, no action;
    /// - the diagnosis is recorded (with its action, in one transaction) before anyone is told of it.
    public func diagnose(_ device: Device, _ request: DiagnosisRequest) async -> DeviceResult {
        guard await sessions.acquire(device.id) else { return DeviceResult(device: device, status: .notStarted) }
        defer { sessions.release(device.id) }
        guard !Task.isCancelled else { return DeviceResult(device: device, status: .notStarted) }

        let outcome = await probe(device, request.probe, progress: request.progress, logMetadata: request.logMetadata)
        // Asked before the cancellation check, so that a cancellation during the lookup (which
        // ends it at once) is audited as an interruption like one during the probe run.
        let line = await lineState(of: device, after: outcome, request)
        if Task.isCancelled {
            let reason = request.interruption.description
            let audit = await recording.record(.audit(outcome, requestedBy: request.requestedBy, interruption: reason))
            return DeviceResult(device: device, status: .interrupted(auditError: audit.failure), outcome: outcome)
        }
        if let failure = outcome.connectionFailure, failure.isTriagesOwn {
            let audit = await recording.record(.audit(outcome, requestedBy: request.requestedBy, interruption: nil))
            return DeviceResult(device: device, status: .ownFailure(failure.description, auditError: audit.failure), outcome: outcome)
        }
        let (diagnosis, facts) = diagnoser.diagnose(outcome, request: Diagnoser.Request(
            requestedBy: request.requestedBy, originTicket: request.originTicket, lineKnownDown: request.lineKnownDown,
            lineState: line))
        switch await recording.record(.diagnosis(diagnosis, outcome: outcome, act: request.act, heldJob: request.heldJob)).flatMap(Self.required) {
        case .success(let recorded):
            return DeviceResult(device: device, status: .diagnosed(diagnosis, facts: facts, recorded: recorded), outcome: outcome)
        case .failure(let error):
            logger(with: request.logMetadata).error("diagnosis not recorded", metadata: ["device": "\(device.id)", "error": "\(error)"])
            return DeviceResult(device: device, status: .notRecorded(diagnosis, facts: facts, error: error), outcome: outcome)
        }
    }
}

extension TriageEngine {
    /// A batch answers a diagnosis with its record; an empty answer would be a store bug, told as one.
    fileprivate static func required(_ recorded: RecordedDiagnosis?) -> Result<RecordedDiagnosis, any Error> {
        recorded.map { .success($0) } ?? .failure(MissingRecord())
    }
}

/// The store answered a diagnosis without saying what it recorded.
private struct MissingRecord: Error, CustomStringConvertible {
    var description: String { "the store reported no record for the diagnosis; check it with `triage store info`" }
}

extension Result {
    /// The error, when there is one.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
