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

    public init(requestedBy: String, originTicket: String? = nil, lineKnownDown: Bool = false, act: Bool = true,
                probe: ProbeSettings = ProbeSettings(), interruption: InterruptionReason = InterruptionReason()) {
        self.requestedBy = requestedBy
        self.originTicket = originTicket
        self.lineKnownDown = lineKnownDown
        self.act = act
        self.probe = probe
        self.interruption = interruption
    }
}
