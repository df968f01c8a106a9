public import Logging

/// How the runner reaches one device: opens sessions that run probe scripts.
///
/// The probe pipeline (runner, stream reader, parsers, facts, rules, verdict) sees devices only
/// through this protocol, so `TriageCore` imports no transport. Implementations: libssh
/// (`LibSSHProbeTransport` in TriageInventory), the local shell (`LocalShellTransport` in the
/// simulator, for `triage rules test`) and an in-memory one (`InMemoryProbeTransport` in
/// TriageTestSupport) that tests the whole pipeline in-process.
public protocol ProbeTransport: Sendable {
    /// `host:port` (or what stands for it), as evidence and errors name the device's address.
    var endpoint: String { get }
    /// How long one probe may run when the overall deadline leaves more.
    var commandDeadline: Duration { get }
    /// Opens one session, ready to run commands; every step within its own deadline.
    func connect(logger: Logger) async throws(TransportFailure) -> any ProbeSession
}

/// One open session to a device. The runner runs one probe at a time on it and closes it.
public protocol ProbeSession: Sendable {
    /// Runs `command` with `stdin` on its standard input, within `deadline`.
    /// A command cut short throws a failure whose `partialResult` holds what arrived.
    /// - Parameter outputLimit: bytes of stdout and stderr together; nil for the transport's own cap.
    func run(command: String, stdin: [UInt8], deadline: Duration, outputLimit: Int?) async throws(TransportFailure)
        -> ProbeCommandResult
    /// Ends the session. Safe to call more than once.
    func close() async
}
