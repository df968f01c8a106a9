import CChildProcess
import Glibc

/// A pipe whose two ends are close-on-exec, so that no other child inherits them: a child gets
/// an end only as one of its standard streams.
public struct ProcessPipe: Sendable {
    public let readEnd: Int32
    public let writeEnd: Int32

    public struct CreationError: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { "cannot create a pipe: \(String(cString: strerror(code)))" }
    }

    public init() throws(CreationError) {
        var fds: [Int32] = [-1, -1]
        guard triage_pipe_cloexec(&fds) == 0 else { throw CreationError(code: errno) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }
}
