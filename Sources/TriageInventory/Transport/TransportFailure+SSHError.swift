public import SSHTransport
public import TriageCore

extension TransportFailure {
    /// The same failure in the runner's terms: the codes and steps have the same raw values, the
    /// fingerprints and offered methods become notes worded as `SSHError` words them.
    public init(_ error: SSHError) {
        var notes: [String] = []
        if let known = error.knownFingerprint { notes.append("known key \(known)") }
        if let presented = error.presentedFingerprint { notes.append("presented key \(presented)") }
        if !error.offeredMethods.isEmpty { notes.append("server offers: \(error.offeredMethods.joined(separator: ", "))") }
        // Every SSHError code has its TransportFailure twin; the fallback only guards a code added later.
        self.init(Code(rawValue: error.code.rawValue) ?? .protocolError, endpoint: error.endpoint,
                  step: error.step.flatMap { Step(rawValue: $0.rawValue) }, detail: error.detail, remedy: error.remedy,
                  notes: notes, partialResult: error.partialResult.map(ProbeCommandResult.init))
    }
}

extension ProbeCommandResult {
    public init(_ result: SSHCommandResult) {
        self.init(stdout: result.stdout, stderr: result.stderr, exitStatus: result.exitStatus, duration: result.duration,
                  isTruncated: result.isTruncated)
    }
}
