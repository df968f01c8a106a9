import CChildProcess
import Glibc

/// A pipe whose two ends are close-on-exec, so that no other child inherits them: a child gets
/// an end only as one of its standard streams.
struct ProcessPipe {
    let readEnd: Int32
    let writeEnd: Int32

    struct CreationError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "cannot create a pipe: \(String(cString: strerror(code)))" }
    }

    init() throws(CreationError) {
        var fds: [Int32] = [-1, -1]
        guard triage_pipe_cloexec(&fds) == 0 else { throw CreationError(code: errno) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    func close() {
        _ = Glibc.close(readEnd)
        _ = Glibc.close(writeEnd)
    }
}

/// A child whose stdin, stdout and stderr are pipes, with the ends this process keeps (each
/// close-on-exec, owned by the caller, to be closed once done).
public struct PipedChild: Sendable {
    public let child: ChildProcess
    /// The write end of the child's stdin.
    public let input: Int32
    /// The read end of the child's stdout.
    public let output: Int32
    /// The read end of the child's stderr.
    public let error: Int32

    /// Starts `executable` as `ChildProcess.init` does, its standard streams connected to new pipes.
    /// Nothing is left open if it cannot start.
    public init(
        executable: String, arguments: [String], argv0: String? = nil, environment: [String: String],
        workingDirectory: String? = nil, leadsProcessGroup: Bool = false
    ) throws {
        var pipes: [ProcessPipe] = []
        do {
            for _ in 0..<3 { pipes.append(try ProcessPipe()) }
            child = try ChildProcess(
                executable: executable, arguments: arguments, argv0: argv0, environment: environment,
                workingDirectory: workingDirectory, standardInput: pipes[0].readEnd, standardOutput: pipes[1].writeEnd,
                standardError: pipes[2].writeEnd, leadsProcessGroup: leadsProcessGroup)
        } catch {
            for pipe in pipes { pipe.close() }
            throw error
        }
        // The child has its copies; these ends are its alone.
        for fd in [pipes[0].readEnd, pipes[1].writeEnd, pipes[2].writeEnd] { _ = Glibc.close(fd) }
        input = pipes[0].writeEnd
        output = pipes[1].readEnd
        error = pipes[2].readEnd
    }
}
