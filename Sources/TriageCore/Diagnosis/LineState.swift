/// What the network side says about the customer's line, and where Triage learnt it: the
/// technician's `--line-known-down`, or the configured line-state source (Docs/line-state.md).
/// It is asked only when the device could not be reached; a source that fails is Triage's own
/// failure, never evidence about the device, and gives `unknown` with the reason in `detail`.
public struct LineState: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case up, down, unknown
    }

    public var state: State
    /// `manual` (`--line-known-down`), `http` or `command`.
    public var source: String
    /// What the source said or why it gave no answer ("the line-state service timed out after 5 s").
    public var detail: String?

    public init(state: State, source: String, detail: String? = nil) {
        self.state = state
        self.source = source
        self.detail = detail
    }

    /// The technician (or the ticket) says the line is down: the manual override.
    public static let manuallyDown = LineState(state: .down, source: "manual", detail: "--line-known-down")
}
