import Foundation
import Testing
import TriageActions
import TriageCore
import TriageTestSupport

@Suite("Config file: rt.intake and rt.route_by_verdict")
struct RequestTrackerIntakeConfigurationTests {
    /// An rt config whose `rt:` section ends with `extra` (indented two spaces, from line 7 on).
    static func config(_ extra: String, sink: String = "rt") -> String {
        """
        sink: \(sink)
        rt:
          url: http://127.0.0.1:8080
          queue: Third-Level
          order_queue: RMA
          token_env: RT_TOKEN
        \(extra.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        """
    }

    static func load(_ text: String) throws -> TriageConfiguration {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        return try TriageConfiguration.load(path: try CLIFiles.write(text, to: "triage.yaml", in: folder))
    }

    /// The error for `text`, with its line.
    static func error(_ text: String) throws -> ConfigurationError {
        do {
            _ = try load(text)
        } catch let error as ConfigurationError {
            return error
        }
        Issue.record("no error for:\n\(text)")
        return ConfigurationError("none")
    }

    @Test("Every key read as written; defaults for the ones left out")
    func full() throws {
        let configuration = try Self.load(Self.config("""
            intake:
              queue: Escalations
              device_field: Router ID
              statuses: [new, open, stalled]
              poll_seconds: 30
              max_per_poll: 200
              needs_attention_queue: First-Level
            route_by_verdict: {escalate: Third-Level, healthy: First-Level, replace: RMA}
            """))
        guard case .requestTracker(let rt) = configuration.sink else { Issue.record("not rt"); return }
        #expect(rt.intake == RequestTrackerIntakeConfiguration(
            queue: "Escalations", deviceField: "Router ID", statuses: ["new", "open", "stalled"], pollInterval: 30, maxPerPoll: 200,
            needsAttentionQueue: "First-Level"))
        #expect(rt.routeByVerdict == [.escalate: "Third-Level", .healthy: "First-Level", .replace: "RMA"])
        let logger = RecordingLogHandler().logger
        #expect(RequestTrackerIntake(configuration: configuration, logger: logger)?.intake.queue == "Escalations")
        #expect(RequestTrackerIntake(configuration: TriageConfiguration(), logger: logger) == nil, "no rt.intake, no watcher")

        let minimal = try Self.load(Self.config("intake: {queue: Escalations, device_field: Device, needs_attention_queue: First-Level}"))
        guard case .requestTracker(let plain) = minimal.sink else { Issue.record("not rt"); return }
        #expect(plain.intake?.statuses == ["new", "open"] && plain.intake?.pollInterval == 60 && plain.intake?.maxPerPoll == 50)
        #expect(plain.routeByVerdict.isEmpty)
    }

    @Test("Mistakes are refused with their line", arguments: [
        ("intake: {queue: Escalations, device_field: Device, needs_attention_queue: First-Level, poll: 5}", 7, "unknown key 'rt.intake.poll'"),
        ("intake: {queue: Escalations, needs_attention_queue: First-Level}", 7, "rt.intake.device_field is missing"),
        ("intake: {queue: \"Esc'; DROP\", device_field: Device, needs_attention_queue: First-Level}", 7, "may hold only letters"),
        ("intake: {queue: Escalations, device_field: Device, needs_attention_queue: Escalations}", 7, "must differ"),
        ("intake: {queue: Escalations, device_field: Device, needs_attention_queue: A, statuses: [new, \"x'y\"]}", 7, "status 'x'y'"),
        ("intake: {queue: Escalations, device_field: Device, needs_attention_queue: A, statuses: []}", 7, "must be a list"),
        ("intake: {queue: Escalations, device_field: Device, needs_attention_queue: A, poll_seconds: 0}", 7, "from 1 to 86400"),
        ("intake: {queue: Escalations, device_field: Device, needs_attention_queue: A, max_per_poll: inf}", 7, "from 1 to 1000"),
        ("route_by_verdict:\n  escalate: Third-Level\n  fixed: First-Level", 9, "unknown key 'rt.route_by_verdict.fixed'"),
        ("route_by_verdict: {healthy: 'First/Level'}", 7, "may hold only letters"),
    ])
    func mistakes(extra: String, line: Int, problem: String) throws {
        let error = try Self.error(Self.config(extra))
        #expect(error.line == line, "\(error.message)")
        #expect(error.problem.contains(problem), "\(error.message)")
    }

    @Test("The intake needs sink: rt, which answers on the ticket")
    func needsRequestTrackerSink() throws {
        let text = Self.config("intake: {queue: Escalations, device_field: Device, needs_attention_queue: First-Level}", sink: "local")
        let error = try Self.error(text)
        #expect(error.problem.contains("rt.intake needs sink: rt") && error.line == 7, "\(error.message)")
    }
}
