public import Foundation

/// What one run of the probes on one device produced: the sections that arrived (redacted),
/// and every way in which the run fell short. Diagnosis works on this, never on a live session.
public struct ProbeRunOutcome: Sendable {
    public var device: ProbedDevice
    public var startedAt: Date
    public var duration: Duration
    /// How many times Triage tried to connect.
    public var connectAttempts: Int
    /// Set when no session could be opened at all (after the retries), or when a reconnect during
    /// the run failed on Triage's own side (`TransportFailure.isTriagesOwn`).
    public var connectionFailure: TransportFailure?
    /// One record per probe that was started, in catalog order.
    public var probes: [ProbeRunRecord]
    /// Probes never started (the connection was lost, or the overall deadline passed).
    public var probesNotRun: [String]

    public init(device: ProbedDevice, startedAt: Date, duration: Duration = .zero, connectAttempts: Int = 0,
                connectionFailure: TransportFailure? = nil, probes: [ProbeRunRecord] = [], probesNotRun: [String] = []) {
        self.device = device
        self.startedAt = startedAt
        self.duration = duration
        self.connectAttempts = connectAttempts
        self.connectionFailure = connectionFailure
        self.probes = probes
        self.probesNotRun = probesNotRun
    }

    /// Every section that arrived, redacted, in the order the probes printed them.
    public var sections: [ProbeSection] { probes.flatMap(\.reading.sections) }

    /// The run's failure when it is Triage's own (name resolution, local limits, credentials it
    /// could not read, a cancellation): then the run says nothing about the device, and no
    /// verdict, order or ticket may rest on it.
    public var triagesOwnFailure: TransportFailure? {
        connectionFailure.flatMap { $0.isTriagesOwn ? $0 : nil }
    }

    /// True when every probe ran to its end and was read completely.
    public var isComplete: Bool {
        connectionFailure == nil && probesNotRun.isEmpty && probes.allSatisfy(\.isComplete)
    }
}

/// One probe script's run.
public struct ProbeRunRecord: Sendable {
    public var name: String
    public var sha256: String
    public var reading: ProbeReading
    /// The shell's exit status; nil when it never arrived.
    public var exitStatus: Int32?
    /// The output hit the cap and was cut.
    public var isTruncated: Bool
    /// Why the probe ended early (deadline, channel closed), if it did.
    public var failure: TransportFailure?
    /// What the shell itself printed on stderr outside the frames (normally nothing).
    public var shellErrors: String

    public init(name: String, sha256: String, reading: ProbeReading, exitStatus: Int32?, isTruncated: Bool,
                failure: TransportFailure?, shellErrors: String) {
        self.name = name
        self.sha256 = sha256
        self.reading = reading
        self.exitStatus = exitStatus
        self.isTruncated = isTruncated
        self.failure = failure
        self.shellErrors = shellErrors
    }

    public var isComplete: Bool { failure == nil && !isTruncated && reading.isComplete && exitStatus == 0 }
}
