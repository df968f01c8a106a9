public import Logging
public import TriageCore
public import TriageStore

/// What a caller asks of one diagnosis (or of every device in a sweep).
public struct DiagnosisRequest: Sendable {
    public var requestedBy: String
    /// The escalated ticket this diagnosis answers.
    public var originTicket: String?
    /// The network side reports the customer's line down: an unreachable device is escalated, not replaced.
    public var lineKnownDown: Bool
    /// Open the order, ticket or note the verdict calls for (false: record only).
    public var act: Bool
    public var probe: ProbeSettings
    /// Why a cancellation happened, for the audit log ("interrupted by SIGTERM"); read when a run is cut off.
    public var interruption: InterruptionReason
    /// Told of each step of the probe run as it happens (a technician's progress display), or nil.
    public var progress: ProbeRunProgress.Handler?
    /// Put on every log line of this diagnosis (the service's job and ticket), so that a worker's
    /// log tells which job an SSH or probe line belongs to.
    public var logMetadata: Logger.Metadata
    /// The service's job this diagnosis answers: recorded only while this worker still holds it.
    public var heldJob: JobHold?

    public init(requestedBy: String, originTicket: String? = nil, lineKnownDown: Bool = false, act: Bool = true,
                probe: ProbeSettings = ProbeSettings(), interruption: InterruptionReason = InterruptionReason(),
                progress: ProbeRunProgress.Handler? = nil, logMetadata: Logger.Metadata = [:], heldJob: JobHold? = nil) {
        self.requestedBy = requestedBy
        self.originTicket = originTicket
        self.lineKnownDown = lineKnownDown
        self.act = act
        self.probe = probe
        self.interruption = interruption
        self.progress = progress
        self.logMetadata = logMetadata
        self.heldJob = heldJob
    }
}
