import ChildProcess
public import Logging
public import TriageCore

/// The probe transport to "this machine": each command runs in a BusyBox shell here, with the
/// environment a simulated device gets (`PATH` of tool dispatchers and applets, `TRIAGE_ROOT`).
/// `triage rules test` probes scenarios through it, driven by the same `ProbeRunner` as SSH.
public struct LocalShellTransport: ProbeTransport {
    /// The BusyBox binary; run as `sh`.
    public let shell: String
    public let environment: [String: String]
    /// Names what is probed in evidence, e.g. `local:healthy-with-clients`.
    public let endpoint: String
    public let commandDeadline: Duration
    public let outputLimit: Int

    public init(shell: String, environment: [String: String], endpoint: String, commandDeadline: Duration = .seconds(60),
                outputLimit: Int = 16 << 20) {
        self.shell = shell
        self.environment = environment
        self.endpoint = endpoint
        self.commandDeadline = commandDeadline
        self.outputLimit = outputLimit
    }

    /// Nothing to open: every command is a shell of its own.
    public func connect(logger: Logger) async throws(TransportFailure) -> any ProbeSession {
        LocalShellSession(transport: self)
    }
}

/// Runs each command line as `sh <arguments>` here. The runner's command lines are
/// `sh -s -- <token> <sha256>` (hex words); the words go to the shell as arguments, never through
/// a shell string, and any other command is refused.
struct LocalShellSession: ProbeSession {
    let transport: LocalShellTransport

    func run(command: String, stdin: [UInt8], deadline: Duration, outputLimit: Int?) async throws(TransportFailure)
        -> ProbeCommandResult {
        let words = command.split(separator: " ").map(String.init)
        guard words.first == "sh" else {
            throw failure(.protocolError, "the local shell runs only `sh …` probe command lines, not \(command.prefix(40))")
        }
        let started = ContinuousClock.now
        let run: CollectedRun
        do {
            run = try await ChildProcess.collect(
                executable: transport.shell, arguments: Array(words.dropFirst()), argv0: "sh",
                environment: transport.environment, input: stdin, outputLimit: outputLimit ?? transport.outputLimit,
                deadline: deadline)
        } catch {
            throw failure(Task.isCancelled ? .cancelled : .localFailure, "could not run the local shell: \(error)")
        }
        let result = ProbeCommandResult(
            stdout: run.standardOutput, stderr: run.standardError, exitStatus: run.endedByDeadline ? nil : run.exitCode,
            duration: started.duration(to: .now), isTruncated: run.standardOutputBytes > run.standardOutput.count)
        if run.endedByDeadline {
            var cut = failure(.deadlineExceeded, "the probe did not finish within \(deadline)")
            cut.partialResult = result
            throw cut
        }
        return result
    }

    func close() async {}

    private func failure(_ code: TransportFailure.Code, _ detail: String) -> TransportFailure {
        TransportFailure(code, endpoint: transport.endpoint, step: .command, detail: detail,
                         remedy: code == .deadlineExceeded ? "The scenario's probe hangs; check its canned outputs."
                            : "This is the controller, not a device: check BusyBox and the scenario folder, then retry.")
    }
}
