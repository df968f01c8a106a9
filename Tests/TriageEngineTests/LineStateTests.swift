import Foundation
import Testing
import TriageActions
import TriageCore
import TriageEngine
import TriageInventory
import TriageStore
import TriageTestSupport

/// The line-state source in the engine, against the simulator and a real HTTP endpoint: asked only
/// about a device that cannot be reached; down escalates (no order), up replaces, a source that
/// stalls is unknown and the policy of today applies, with the reason in the finding.
@Suite("Line state in the engine")
struct LineStateTests {
    static func scenario(_ id: String) throws -> String {
        try BundledResources.requireDirectory(named: "Scenarios").appendingPathComponent(id).path
    }

    /// The line fact the diagnosis recorded (`facts.line.<key>`).
    static func line(_ result: DeviceResult, _ key: String) -> JSONValue? {
        guard case .diagnosed(_, let facts, _) = result.status else { return nil }
        return facts["line"]?[key]
    }

    @Test("down escalates without an order, up replaces, a stall is unknown and replaces; a reachable device is never asked")
    func httpSource() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-line-engine")
        defer { folder.remove() }
        let server = try await LineStateServer.start(.state("down"))
        var settings = TriageConfiguration()
        settings.lineState = LineStateConfiguration(
            kind: .http(url: try LineStateTemplate(parsing: server.origin + "/lines/{line_id}"), token: nil),
            // Room for a loaded machine to answer up or down in time; the stall below costs all of it.
            timeout: 10)
        let configuration = settings
        let scenarios = try ["transport-unreachable", "healthy-with-clients"].map(Self.scenario)
        try await SimulatorProcess.withSimulator(scenarios, in: folder.url) { simulator in
            let (engine, store) = try await EngineHarness.engine(for: simulator, database: folder.path + "/record.sqlite",
                                                                 configuration: configuration)
            let devices = Dictionary(uniqueKeysWithValues: engine.inventory.devices.map { ($0.id, $0) })
            let healthy = try #require(devices["healthy-with-clients"])
            var unreachable = try #require(devices["transport-unreachable"])
            unreachable.lineID = "L 7/8?x=1;$(id)"
            func diagnose(_ device: Device, ticket: String, lineKnownDown: Bool = false) async -> DeviceResult {
                var request = EngineHarness.request()
                request.originTicket = ticket
                request.lineKnownDown = lineKnownDown
                return await engine.diagnose(device, request)
            }

            let reachable = await diagnose(healthy, ticket: "T-1")
            #expect(reachable.diagnosis?.verdict == .healthy)
            #expect(server.requests.isEmpty, "a device that answers SSH is never looked up")
            #expect(Self.line(reachable, "state") == nil && Self.line(reachable, "knownDown") == .bool(false))

            let down = await diagnose(unreachable, ticket: "T-2")
            #expect(down.diagnosis?.verdict == .escalate)
            #expect(down.diagnosis?.findings.map(\.code) == ["transport.line-down"])
            #expect(Self.line(down, "state") == .string("down") && Self.line(down, "source") == .string("http"))
            #expect(Self.line(down, "knownDown") == .bool(true))
            #expect(server.requests.count == 1)
            #expect(server.requests.first?.uri == "/lines/L%207%2F8%3Fx%3D1%3B%24%28id%29", "one literal value in one path segment")
            guard case .diagnosed(_, _, let recorded) = down.status else { Issue.record("not recorded"); return }
            #expect(recorded.action?.kind == .ticket)
            let stored = try #require(try await store.diagnosis(id: recorded.diagnosisID))
            let evidence = stored.findings.flatMap(\.evidence).first { $0.section == "triage: line state" }
            #expect(evidence?.lines.first?.hasPrefix("line down (http: GET \(server.origin)/lines/") == true,
                    "the stored finding keeps what the network side said: \(String(describing: evidence))")

            server.reply = .state("up")
            let up = await diagnose(unreachable, ticket: "T-3")
            #expect(up.diagnosis?.verdict == .replace && up.diagnosis?.rulesFired == ["transport-unreachable"])
            #expect(Self.line(up, "state") == .string("up"))

            server.reply = .never
            let started = ContinuousClock.now
            let stalled = await diagnose(unreachable, ticket: "T-4")
            #expect(ContinuousClock.now - started < .seconds(40), "hang guard: the source's timeout bounds the lookup")
            #expect(stalled.diagnosis?.verdict == .replace)
            let finding = try #require(stalled.diagnosis?.findings.first)
            #expect(finding.ruleID == "transport-unreachable-line-unknown" && finding.code == "transport.unreachable")
            #expect(finding.message.contains("its line state is unknown: the line-state service timed out after 10 s"), "\(finding.message)")
            #expect(stalled.diagnosis?.warnings.contains { $0.hasPrefix("line state unknown: the line-state service timed out") } == true)
            #expect(Self.line(stalled, "state") == .string("unknown"))

            let asked = server.requests.count
            let manual = await diagnose(unreachable, ticket: "T-5", lineKnownDown: true)
            #expect(manual.diagnosis?.verdict == .escalate && Self.line(manual, "source") == .string("manual"))
            #expect(server.requests.count == asked, "--line-known-down overrides the source: it is not asked")

            let orders = try await store.orders()
            #expect(orders.count == 2, "one order for up, one for unknown; none for down")
        }
        try await server.shutdown()
    }

    @Test("triage diagnose --config asks a command source; the line id reaches it as one literal argument")
    func commandSourceFromTheCLI() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-line-cli")
        defer { folder.remove() }
        let script = try RecordingScript(in: folder.url, body: "echo '{\"state\": \"down\", \"detail\": \"LOS alarm on the DSLAM port\"}'")
        let config = folder.url.appendingPathComponent("triage.yaml").path
        try "line_state:\n  command: [\(script.path), --line, \"{line_id}\"]\n  timeout_seconds: 5\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let lineID = "L-9 ; touch pwned && echo $HOME `id`"
        let database = folder.path + "/record.sqlite"
        try await SimulatorProcess.withSimulator([try Self.scenario("transport-unreachable")], in: folder.url) { simulator in
            let inventory = try String(contentsOf: simulator.inventory, encoding: .utf8)
            try inventory.replacingOccurrences(of: "    customer: SIM-transport-unreachable\n",
                                               with: "    customer: SIM-transport-unreachable\n    line_id: '\(lineID)'\n")
                .write(to: simulator.inventory, atomically: true, encoding: .utf8)
            let run = try await ShellRun.run(TriageExecutable.path, [
                "diagnose", "transport-unreachable", "--inventory", simulator.inventory.path, "--config", config, "--db", database,
                "--requested-by", "test", "--connect-attempts", "1", "--json",
            ], environment: ProcessInfo.processInfo.environment)
            #expect(run.exitCode == 30, "escalate: \(run.standardError)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput)) as? [String: Any])
            let line = (document["facts"] as? [String: Any])?["line"] as? [String: Any]
            #expect(line?["state"] as? String == "down" && line?["source"] as? String == "command")
            #expect(line?["detail"] as? String == "the line-state command \(script.path) answered down: LOS alarm on the DSLAM port")
            #expect((document["actions"] as? [String])?.contains { $0.contains("order") } == false, "no replacement order")
            #expect(try script.arguments() == ["--line", lineID])
            #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("pwned").path))
            let orders = try await ShellRun.run(TriageExecutable.path, ["orders", "list", "--db", database, "--json"],
                                                environment: ProcessInfo.processInfo.environment)
            #expect((try JSONSerialization.jsonObject(with: Data(orders.standardOutput)) as? [Any])?.isEmpty == true)
        }
    }
}
