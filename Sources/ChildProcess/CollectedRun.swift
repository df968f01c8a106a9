import Glibc
import Synchronization

/// What a child printed and how it ended, for runs whose output is collected whole.
public struct CollectedRun: Sendable {
    public var termination: ChildProcess.Termination
    /// Standard output, up to the run's limit.
    public var standardOutput: [UInt8]
    /// Every byte of standard output, including those past the limit.
    public var standardOutputBytes: Int
    public var standardError: [UInt8]
    /// Whether the deadline, not the child, ended the run.
    public var endedByDeadline: Bool

    /// The exit code, or `nil` if a signal ended the child.
    public var exitCode: Int32? {
        if case .exited(let code) = termination { return code }
        return nil
    }
}

extension ChildProcess {
    /// Runs `executable` to its end with `input` on stdin, collecting stdout and stderr.
    ///
    /// The child gets SIGTERM at `deadline` or once `stopAfterOutputBytes` of stdout arrived, and
    /// SIGKILL 2 s later if it is still there; cancelling the task kills it at once. If the child
    /// exits while something it started still holds its output open, reading stops 2 s later.
    /// Everything blocking happens on a thread of its own.
    public static func collect(
        executable: String, arguments: [String], argv0: String? = nil, environment: [String: String],
        workingDirectory: String? = nil, input: [UInt8] = [], outputLimit: Int = 16 << 20, errorLimit: Int = 1 << 20,
        deadline: Duration? = nil, stopAfterOutputBytes: Int = .max
    ) async throws -> CollectedRun {
        let cancelled = Mutex(false)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                onThread {
                    continuation.resume(with: Result {
                        try CollectingRun(
                            executable: executable, arguments: arguments, argv0: argv0, environment: environment,
                            workingDirectory: workingDirectory, input: input, outputLimit: outputLimit,
                            errorLimit: errorLimit, deadline: deadline, stopAfterOutputBytes: stopAfterOutputBytes,
                            isCancelled: { cancelled.withLock { $0 } }
                        ).run()
                    })
                }
            }
        } onCancel: {
            cancelled.withLock { $0 = true }
        }
    }
}

/// The blocking loop behind `ChildProcess.collect`: poll the three pipes until both outputs end.
private struct CollectingRun {
    let executable: String
    let arguments: [String]
    let argv0: String?
    let environment: [String: String]
    let workingDirectory: String?
    let input: [UInt8]
    let outputLimit: Int
    let errorLimit: Int
    let deadline: Duration?
    let stopAfterOutputBytes: Int
    let isCancelled: () -> Bool

    /// How long a stopped child gets between SIGTERM and SIGKILL, and how long output is still
    /// read after the child itself exited.
    static let grace = Duration.seconds(2)

    func run() throws -> CollectedRun {
        ignoreBrokenPipes
        let piped = try PipedChild(
            executable: executable, arguments: arguments, argv0: argv0, environment: environment,
            workingDirectory: workingDirectory)
        let child = piped.child
        var inputFD = piped.input, outputFD = piped.output, errorFD = piped.error
        for fd in [inputFD, outputFD, errorFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if input.isEmpty {
            close(inputFD)
            inputFD = -1
        }

        var result = CollectedRun(termination: .exited(0), standardOutput: [], standardOutputBytes: 0, standardError: [],
                                  endedByDeadline: false)
        let clock = ContinuousClock()
        let started = clock.now
        var written = 0
        var stoppedAt: ContinuousClock.Instant?
        var killed = false
        var exitSeenAt: ContinuousClock.Instant?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        func stop(_ signal: Int32) {
            child.send(signal)
            if signal == SIGKILL { killed = true } else if stoppedAt == nil { stoppedAt = clock.now }
        }

        while outputFD >= 0 || errorFD >= 0 {
            var polled = [pollfd]()
            if inputFD >= 0 { polled.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            if outputFD >= 0 { polled.append(pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)) }
            if errorFD >= 0 { polled.append(pollfd(fd: errorFD, events: Int16(POLLIN), revents: 0)) }
            _ = poll(&polled, nfds_t(polled.count), 50)

            if inputFD >= 0 {
                let n = input.withUnsafeBytes { write(inputFD, $0.baseAddress! + written, input.count - written) }
                if n > 0 { written += n }
                // Done, or the child closed its stdin (EPIPE): either way, no more input.
                if written == input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    close(inputFD)
                    inputFD = -1
                }
            }
            for isOutput in [true, false] {
                let fd = isOutput ? outputFD : errorFD
                guard fd >= 0 else { continue }
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if isOutput {
                        result.standardOutputBytes += n
                        result.standardOutput += buffer.prefix(min(n, max(0, outputLimit - result.standardOutput.count)))
                    } else {
                        result.standardError += buffer.prefix(min(n, max(0, errorLimit - result.standardError.count)))
                    }
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(fd)
                    if isOutput { outputFD = -1 } else { errorFD = -1 }
                }
            }

            let now = clock.now
            if isCancelled(), !killed { stop(SIGKILL) }
            if result.standardOutputBytes >= stopAfterOutputBytes, stoppedAt == nil { stop(SIGTERM) }
            if let deadline, now - started >= deadline, stoppedAt == nil {
                result.endedByDeadline = true
                stop(SIGTERM)
            }
            if let stoppedAt, now - stoppedAt >= Self.grace, !killed { stop(SIGKILL) }
            if exitSeenAt == nil, child.hasExited { exitSeenAt = now }
            if let exitSeenAt, now - exitSeenAt >= Self.grace { break }
        }
        for fd in [inputFD, outputFD, errorFD] where fd >= 0 { close(fd) }
        result.termination = child.blockingWait()
        return result
    }
}

/// Writing to a pipe whose reader has gone must fail with EPIPE, not kill this process.
private let ignoreBrokenPipes: Void = {
    signal(SIGPIPE, SIG_IGN)
}()
