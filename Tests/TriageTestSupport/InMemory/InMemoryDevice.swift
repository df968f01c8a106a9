public import TriageCore

/// What an in-memory device prints and how it misbehaves, scripted for a test.
public struct InMemoryDevice: Sendable {
    /// What one connect attempt does.
    public enum Connect: Sendable, Hashable {
        case accept
        /// The attempt fails with this code at this step (refused, authentication, deadline, …).
        case fail(TransportFailure.Code, TransportFailure.Step)
    }

    /// How one probe's command ends.
    public enum Ending: Sendable, Hashable {
        /// Every section, the `done` frame, and this exit status.
        case complete(exitStatus: Int32)
        /// The command deadline passes after this many sections were printed.
        case deadline(afterSections: Int)
        /// The device closes the session after this many sections were printed.
        case hangUp(afterSections: Int)
        /// The output cap cuts the stream after this many bytes.
        case truncated(afterBytes: Int)
        /// The session fails with this code (a protocol error, Triage's own local failure, …).
        case fail(TransportFailure.Code)
    }

    /// What each probe prints, by probe name (`wlan`, `link`, `led`, `system`).
    public var sections: [String: [ProbeSection]]
    /// One entry per connect attempt, in order; once they are used up, connects are accepted.
    public var connects: [Connect]
    /// How each probe ends, by probe name; a probe not named completes with status 0.
    public var endings: [String: Ending]

    public init(sections: [String: [ProbeSection]] = [:], connects: [Connect] = [], endings: [String: Ending] = [:]) {
        self.sections = sections
        self.connects = connects
        self.endings = endings
    }
}
