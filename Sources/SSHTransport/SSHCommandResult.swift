/// What one command printed and how it ended.
public struct SSHCommandResult: Sendable, Hashable {
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    /// The command's exit status; `nil` when it never arrived (output cut off, deadline, channel closed).
    public var exitStatus: Int32?
    public var duration: Duration
    /// The output reached the limit: what is here is the first part, and the channel was closed.
    public var isTruncated: Bool

    public init(stdout: [UInt8] = [], stderr: [UInt8] = [], exitStatus: Int32? = nil, duration: Duration = .zero, isTruncated: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
        self.duration = duration
        self.isTruncated = isTruncated
    }

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}
