public import Logging
import Synchronization
public import TriageCore

/// A probe transport that never leaves the process: each probe command is answered with the
/// device's canned sections, framed with the runner's token, or with the failure the test
/// scripted. With it the whole pipeline (runner, stream reader, parsers, facts, rules, verdict)
/// runs in a test or a benchmark without servers, sockets or child processes.
public final class InMemoryProbeTransport: ProbeTransport {
    public let endpoint: String
    public let commandDeadline: Duration
    let device: InMemoryDevice
    /// Probe scripts by SHA-256: the command line names the script by its hash.
    let probeNames: [String: String]
    let state = Mutex(State())

    struct State {
        var connectAttempts = 0
        var openSessions = 0
        var commands: [String] = []
    }

    public init(device: InMemoryDevice, catalog: ProbeCatalog, endpoint: String = "memory:22",
                commandDeadline: Duration = .seconds(60)) {
        self.device = device
        self.endpoint = endpoint
        self.commandDeadline = commandDeadline
        probeNames = Dictionary(catalog.scripts.map { ($0.sha256, $0.name) }) { first, _ in first }
    }

    /// How many times the runner tried to connect.
    public var connectAttempts: Int { state.withLock { $0.connectAttempts } }
    /// Sessions opened and not yet closed: 0 after a run that cleaned up.
    public var openSessions: Int { state.withLock { $0.openSessions } }
    /// The probes run, by name, in order (a probe whose hash is unknown as `?`).
    public var probesRun: [String] { state.withLock { $0.commands } }

    public func connect(logger: Logger) async throws(TransportFailure) -> any ProbeSession {
        let behaviour = state.withLock { state -> InMemoryDevice.Connect in
            defer { state.connectAttempts += 1 }
            guard state.connectAttempts < device.connects.count else {
                state.openSessions += 1
                return .accept
            }
            let behaviour = device.connects[state.connectAttempts]
            if behaviour == .accept { state.openSessions += 1 }
            return behaviour
        }
        if case .fail(let code, let step) = behaviour {
            throw TransportFailure(code, endpoint: endpoint, step: step, detail: "scripted \(code.rawValue)",
                                   remedy: "Nothing to do: an in-memory device.")
        }
        return InMemoryProbeSession(transport: self)
    }

    func closed() {
        state.withLock { $0.openSessions -= 1 }
    }

    /// The answer to `sh -s -- <token> <sha256>`.
    func answer(command: String) throws(TransportFailure) -> ProbeCommandResult {
        let words = command.split(separator: " ").map(String.init)
        let name = words.count == 5 ? probeNames[words[4]] : nil
        state.withLock { $0.commands.append(name ?? "?") }
        guard let name, let token = ProbeToken(hex: words[3]) else {
            return ProbeCommandResult(stderr: Array("sh: unknown probe\n".utf8), exitStatus: 64)
        }
        let sections = device.sections[name] ?? []
        switch device.endings[name] ?? .complete(exitStatus: 0) {
        case .complete(let status):
            return ProbeCommandResult(stdout: ProbeFrameWriter.frames(probe: name, sha256: words[4], token: token, sections: sections),
                                      exitStatus: status)
        case .truncated(let bytes):
            let all = ProbeFrameWriter.frames(probe: name, sha256: words[4], token: token, sections: sections)
            return ProbeCommandResult(stdout: Array(all.prefix(bytes)), isTruncated: true)
        case .deadline(let count):
            throw cut(.deadlineExceeded, name: name, sha256: words[4], token: token, sections: Array(sections.prefix(count)))
        case .hangUp(let count):
            throw cut(.channelClosed, name: name, sha256: words[4], token: token, sections: Array(sections.prefix(count)))
        case .fail(let code):
            throw TransportFailure(code, endpoint: endpoint, step: .command, detail: "scripted \(code.rawValue)",
                                   remedy: "Nothing to do: an in-memory device.")
        }
    }

    /// A command that ended early: the sections that arrived, without the `done` frame.
    private func cut(_ code: TransportFailure.Code, name: String, sha256: String, token: ProbeToken,
                     sections: [ProbeSection]) -> TransportFailure {
        let frames = ProbeFrameWriter.frames(probe: name, sha256: sha256, token: token, sections: sections)
        let done = Array("\n@@triage \(token.hex) done".utf8)
        let end = frames.indices.reversed().first { frames[$0...].starts(with: done) } ?? frames.endIndex
        return TransportFailure(code, endpoint: endpoint, step: .command, detail: "scripted \(code.rawValue) after \(sections.count) sections",
                                remedy: "Nothing to do: an in-memory device.",
                                partialResult: ProbeCommandResult(stdout: Array(frames[..<end])))
    }
}

/// One session of an in-memory device.
final class InMemoryProbeSession: ProbeSession {
    let transport: InMemoryProbeTransport
    let isOpen = Mutex(true)

    init(transport: InMemoryProbeTransport) {
        self.transport = transport
    }

    func run(command: String, stdin: [UInt8], deadline: Duration, outputLimit: Int?) async throws(TransportFailure)
        -> ProbeCommandResult {
        try transport.answer(command: command)
    }

    func close() async {
        if isOpen.withLock({ open in defer { open = false }; return open }) { transport.closed() }
    }
}
