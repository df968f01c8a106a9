public import Logging

/// An authenticated SSH session to one device, ready to run commands.
///
/// All libssh work happens on a thread owned by the connection, never on Swift's cooperative
/// pool, so many sessions at once do not stall each other or the rest of the program.
/// Cancelling the calling task aborts the current step within a few milliseconds.
public final class SSHConnection: Sendable {
    public let configuration: SSHClientConfiguration
    private let thread: DedicatedThread
    private let session: LibSSHSession
    private let cancellation: CancellationFlag
    private let logger: Logger

    private init(configuration: SSHClientConfiguration, logger: Logger) {
        self.configuration = configuration
        self.cancellation = CancellationFlag()
        self.session = LibSSHSession(configuration: configuration, cancellation: cancellation)
        self.thread = DedicatedThread(name: Self.threadName(configuration.endpoint))
        self.logger = logger
    }

    /// Connects, verifies the host key and authenticates, each step within its deadline.
    public static func connect(_ configuration: SSHClientConfiguration, logger: Logger) async throws(SSHError) -> SSHConnection {
        let connection = SSHConnection(configuration: configuration, logger: logger)
        let endpoint = configuration.endpoint
        let started = ContinuousClock.now
        do throws(SSHError) {
            try await connection.onSessionThread { session throws(SSHError) in try session.open() }
            logger.debug("ssh session open", metadata: [
                "endpoint": "\(endpoint)", "ms": "\(started.duration(to: .now).milliseconds)",
            ])
            return connection
        } catch {
            await connection.close()
            let located = error.at(endpoint)
            logger.info("ssh connect failed", metadata: ["endpoint": "\(endpoint)", "code": "\(located.code.rawValue)"])
            throw located
        }
    }

    /// Runs `command` with `stdin` on its standard input (e.g. a probe script for `sh -s`).
    /// - Parameters:
    ///   - deadline: overrides the configured per-command deadline.
    ///   - outputLimit: overrides the configured cap on stdout and stderr together.
    public func run(_ command: String, stdin: [UInt8] = [], deadline: Duration? = nil, outputLimit: Int? = nil) async throws(SSHError) -> SSHCommandResult {
        let limit = deadline ?? configuration.deadlines.command
        let cap = outputLimit ?? configuration.outputLimit
        do throws(SSHError) {
            let result = try await onSessionThread { session throws(SSHError) in
                try session.execute(command, input: stdin, limit: limit, outputLimit: cap)
            }
            logger.debug("ssh command finished", metadata: [
                "endpoint": "\(configuration.endpoint)", "status": "\(result.exitStatus.map(String.init) ?? "none")",
                "bytes": "\(result.stdout.count + result.stderr.count)", "truncated": "\(result.isTruncated)",
            ])
            return result
        } catch {
            throw error.at(configuration.endpoint, step: .command)
        }
    }

    /// Closes the session and ends its thread. Safe to call more than once.
    public func close() async {
        _ = try? await thread.run { [session] () throws(SSHError) in session.close() }
        thread.stop()
    }

    /// A connection dropped without `close()` (a caller that threw past it) still ends its
    /// session and its thread: the thread would otherwise wait for jobs forever.
    deinit {
        thread.submitFinal { [session] in session.close() }
    }

    /// "ssh:PORT HOST", cut by Linux to 15 bytes ("ssh:2222 192.16"): the port first, so that
    /// `top -H`, a debugger or a leak check can tell the sessions to one server apart.
    static func threadName(_ endpoint: SSHEndpoint) -> String {
        "ssh:\(endpoint.port) \(endpoint.host)"
    }

    private func onSessionThread<T: Sendable>(_ body: @escaping @Sendable (LibSSHSession) throws(SSHError) -> T) async throws(SSHError) -> T {
        let session = self.session
        let cancellation = self.cancellation
        if Task.isCancelled { throw SSHError.cancelledByCaller }
        let result: Result<T, SSHError> = await withTaskCancellationHandler {
            do throws(SSHError) {
                return .success(try await thread.run { () throws(SSHError) -> T in try body(session) })
            } catch {
                return .failure(error)
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
