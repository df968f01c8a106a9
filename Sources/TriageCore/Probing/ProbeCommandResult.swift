/// What one command printed on a device and how it ended.
public struct ProbeCommandResult: Sendable, Hashable {
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    /// The command's exit status; `nil` when it never arrived (output cut off, deadline, session closed).
    public var exitStatus: Int32?
    public var duration: Duration
    /// The output reached the cap: what is here is the first part, and the session was closed.
    public var isTruncated: Bool

    public init(stdout: [UInt8] = [], stderr: [UInt8] = [], exitStatus: Int32? = nil, duration: Duration = .zero,
                isTruncated: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
        self.duration = duration
        self.isTruncated = isTruncated
    }
}
