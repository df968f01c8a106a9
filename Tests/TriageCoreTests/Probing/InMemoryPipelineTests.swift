import Foundation
import Logging
import Testing
import TriageCore
import TriageTestSupport

/// The whole pipeline — runner, stream reader, parsers, facts, rules, verdict — in-process,
/// over `InMemoryProbeTransport`: no server, no socket, no child process during the run.
@Suite("The pipeline over an in-memory transport")
struct InMemoryPipelineTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let identity = ProbedDevice(id: "cpe-memory", host: "memory", endpoint: "memory:22")

    struct Run {
        let outcome: ProbeRunOutcome
        /// Nil when the run ended in Triage's own failure (`requireDiagnosis` refused it).
        let verdictable: Diagnosis?
        let transport: InMemoryProbeTransport

        var diagnosis: Diagnosis {
            get throws { try #require(verdictable, "a run that is evidence about the device gets a diagnosis") }
        }
    }

    func run(_ device: InMemoryDevice, lineKnownDown: Bool = false, lineState: LineState? = nil) async throws -> Run {
        var device = device
        if device.sections.isEmpty { device.sections = try await HealthySections.shared.byProbe() }
        let catalog = try ProbeCatalog.bundled()
        let transport = InMemoryProbeTransport(device: device, catalog: catalog)
        let runner = ProbeRunner(catalog: catalog, retry: ConnectRetryPolicy(attempts: 3, spacing: .zero))
        let outcome = await runner.run(on: identity, through: transport, logger: logger)
        let diagnoser = Diagnoser(rules: try RuleBook.load())
        let diagnosis = try? diagnoser.requireDiagnosis(outcome, request: .init(requestedBy: "test", lineKnownDown: lineKnownDown,
                                                                                   lineState: lineState))
            .diagnosis
        #expect(transport.openSessions == 0, "every session the runner opened was closed")
        return Run(outcome: outcome, verdictable: diagnosis, transport: transport)
    }

    @Test("a healthy device: four complete probes on one session, verdict healthy")
    func healthy() async throws {
        let run = try await run(InMemoryDevice())
        let diagnosis = try run.diagnosis
        #expect(run.outcome.isComplete)
        #expect(run.transport.connectAttempts == 1)
        #expect(run.transport.probesRun == ProbeCatalog.probeNames)
        #expect(diagnosis.verdict == .healthy, "\(diagnosis.findings.map(\.ruleID))")
        #expect(diagnosis.device.host == "memory")
    }

    /// Each connect failure a device can cause, with what Rules/transport.yaml decides for it.
    static let connectFailures: [(TransportFailure.Code, TransportFailure.Step, attempts: Int, rule: String, verdict: Verdict)] = [
        (.connectionRefused, .connect, 3, "transport-unreachable", .replace),
        (.unreachable, .connect, 3, "transport-unreachable", .replace),
        (.deadlineExceeded, .connect, 3, "transport-unreachable", .replace),
        (.deadlineExceeded, .keyExchange, 3, "transport-unreachable", .replace),
        (.deadlineExceeded, .authentication, 1, "transport-session-failed", .escalate),
        (.hostKeyChanged, .hostKey, 1, "transport-host-key-changed", .escalate),
        (.authenticationFailed, .authentication, 1, "transport-auth-refused", .escalate),
        (.protocolError, .keyExchange, 1, "transport-session-failed", .escalate),
    ]

    @Test("every connect failure a device causes ends in the verdict the transport rules give",
          arguments: connectFailures.indices)
    func connectFailure(_ index: Int) async throws {
        let (code, step, attempts, rule, verdict) = Self.connectFailures[index]
        let run = try await run(InMemoryDevice(connects: Array(repeating: .fail(code, step), count: 3)))
        let diagnosis = try run.diagnosis
        #expect(run.outcome.connectionFailure?.code == code && run.outcome.triagesOwnFailure == nil)
        #expect(run.transport.connectAttempts == attempts, "only what another try can cure is retried")
        #expect(run.outcome.probesNotRun == ProbeCatalog.probeNames && run.transport.probesRun.isEmpty)
        #expect(diagnosis.rulesFired.contains(rule), "\(diagnosis.rulesFired)")
        #expect(diagnosis.verdict == verdict)
        #expect(diagnosis.sections.isEmpty, "no device output without a session")
    }

    @Test("unreachable while the line is known down: escalated to the network side, not replaced")
    func unreachableLineDown() async throws {
        let run = try await run(InMemoryDevice(connects: Array(repeating: .fail(.unreachable, .connect), count: 3)),
                                lineKnownDown: true)
        let diagnosis = try run.diagnosis
        #expect(diagnosis.rulesFired == ["transport-unreachable-line-down"] && diagnosis.verdict == .escalate)
    }

    @Test("unreachable: the line-state source's down escalates, up replaces, unknown replaces and says why",
          arguments: [("down", "transport-unreachable-line-down", Verdict.escalate), ("up", "transport-unreachable", .replace),
                      ("unknown", "transport-unreachable-line-unknown", .replace)])
    func unreachableLineState(state: String, rule: String, verdict: Verdict) async throws {
        let line = LineState(state: try #require(LineState.State(rawValue: state)), source: "http", detail: "GET http://netops/lines/L-1 said so")
        let refused = InMemoryDevice(connects: Array(repeating: .fail(.connectionRefused, .connect), count: 3))
        let diagnosis = try await run(refused, lineState: line).diagnosis
        #expect(diagnosis.rulesFired == [rule] && diagnosis.verdict == verdict)
        let evidence = diagnosis.findings.first?.evidence.first { $0.section == "triage: line state" }
        #expect(evidence?.lines == ["line \(state) (http: GET http://netops/lines/L-1 said so)"])
        if state == "unknown" {
            #expect(diagnosis.findings.first?.message.contains("its line state is unknown: GET http://netops/lines/L-1 said so") == true)
        }
        let manual = try await run(refused, lineKnownDown: true, lineState: line).diagnosis
        #expect(manual.verdict == .escalate, "--line-known-down overrides whatever the source said")
    }

    @Test("a device that connects on the second try is diagnosed as if it had on the first")
    func retriedConnect() async throws {
        let run = try await run(InMemoryDevice(connects: [.fail(.connectionRefused, .connect), .accept]))
        let diagnosis = try run.diagnosis
        #expect(run.outcome.connectAttempts == 2 && run.outcome.isComplete)
        #expect(diagnosis.verdict == .healthy)
    }

    @Test("Triage's own failures are not evidence: not retried, marked as Triage's, no verdict",
          arguments: [TransportFailure.Code.nameNotResolved, .localFailure, .credentialUnavailable, .hostKeyUnknown])
    func ownFailure(_ code: TransportFailure.Code) async throws {
        let run = try await run(InMemoryDevice(connects: [.fail(code, .connect)]))
        let failure = try #require(run.outcome.triagesOwnFailure)
        #expect(failure.code == code && failure.kind == .triagesOwn)
        #expect(run.transport.connectAttempts == 1)
        #expect(run.verdictable == nil, "no diagnosis, so no verdict, order or ticket")
    }

    @Test("a probe cut off by a hang-up keeps what arrived; the next probe gets a new session")
    func hangUpMidProbe() async throws {
        let healthy = try await HealthySections.shared.byProbe()
        var device = InMemoryDevice(endings: ["link": .hangUp(afterSections: 3)])
        device.sections = healthy
        let run = try await run(device)
        let diagnosis = try run.diagnosis
        let link = try #require(run.outcome.probes.first { $0.name == "link" })
        #expect(link.failure?.code == .channelClosed && !link.isComplete)
        #expect(link.reading.sections == Array(try #require(healthy["link"]).prefix(3)))
        #expect(run.transport.connectAttempts == 2, "reconnected after the dropped session")
        #expect(run.outcome.probes.filter(\.isComplete).map(\.name) == ["wlan", "led", "system"])
        #expect(diagnosis.rulesFired.contains("probes-cut-short") && diagnosis.verdict == .escalate)
        #expect(diagnosis.warnings.contains { $0.contains("probe link did not finish: channel-closed") })
    }

    @Test("a probe whose output hit the cap keeps the part that arrived, marked truncated")
    func truncatedOutput() async throws {
        let run = try await run(InMemoryDevice(endings: ["system": .truncated(afterBytes: 600)]))
        let diagnosis = try run.diagnosis
        let system = try #require(run.outcome.probes.last)
        #expect(system.isTruncated && !system.isComplete && !system.reading.sections.isEmpty)
        #expect(diagnosis.verdict == .escalate && diagnosis.rulesFired.contains("probes-cut-short"))
        #expect(diagnosis.warnings.contains("probe system did not finish: output cut at the cap"))
    }

    @Test("a device that takes logins but runs nothing costs one deadline, not four")
    func deadlineBeforeAnySection() async throws {
        let run = try await run(InMemoryDevice(endings: ["wlan": .deadline(afterSections: 0)]))
        let diagnosis = try run.diagnosis
        #expect(run.outcome.probes.map(\.name) == ["wlan"] && run.outcome.probes[0].failure?.code == .deadlineExceeded)
        #expect(run.outcome.probesNotRun == ["link", "led", "system"])
        #expect(diagnosis.verdict == .escalate)
    }

    @Test("a reconnect that fails on Triage's side ends the run as Triage's own failure")
    func ownFailureOnReconnect() async throws {
        let run = try await run(InMemoryDevice(connects: [.accept, .fail(.localFailure, .connect)],
                                               endings: ["wlan": .hangUp(afterSections: 1)]))
        #expect(run.outcome.triagesOwnFailure?.code == .localFailure)
        #expect(run.outcome.probesNotRun == ["link", "led", "system"])
        #expect(run.verdictable == nil, "what wlan printed before is no verdict either")
    }

    @Test("a session that breaks during a probe: that probe is cut short, the others run on a new session")
    func brokenDuringProbe() async throws {
        let run = try await run(InMemoryDevice(endings: ["led": .fail(.protocolError)]))
        let diagnosis = try run.diagnosis
        #expect(run.outcome.probes.map(\.name) == ProbeCatalog.probeNames)
        #expect(run.outcome.probes[2].failure?.code == .protocolError && run.outcome.probes[2].reading.sections.isEmpty)
        #expect(run.transport.connectAttempts == 2)
        #expect(diagnosis.rulesFired.contains("probes-cut-short") && diagnosis.verdict == .escalate)
    }

    @Test("frames written from sections read back as the same sections")
    func framesRoundTrip() async throws {
        let healthy = try await HealthySections.shared.byProbe()
        let token = ProbeToken.random()
        for (name, sections) in healthy {
            let reading = ProbeStreamReader(token: token).read(ProbeFrameWriter.frames(probe: name, sha256: "-", token: token, sections: sections))
            #expect(reading.isComplete && reading.problems.isEmpty, "\(name): \(reading.problems)")
            #expect(reading.sections == sections, "\(name)")
        }
    }
}
