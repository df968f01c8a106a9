import ChildProcess
import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// Issue 12, tests 3, and `triage sweep`'s edge: JSON lines in the shape of `diagnose --json`,
/// plain output without escape codes in a pipe, the exit status of the worst verdict, and Ctrl-C.
@Suite("triage sweep")
struct SweepCommandTests {
    @Test("--json-lines decodes as diagnose --json does; plain output has no escape codes even from a hostile device")
    func jsonLinesAndPlainOutput() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-sweep-cli")
        defer { folder.remove() }
        let database = folder.url.appendingPathComponent("triage.sqlite").path
        let lines = folder.url.appendingPathComponent("sweep.jsonl").path
        let scenarios = try [CLIScenarios.hostileRadio(in: folder.url)] + ["healthy-with-clients", "wlan-phy-missing", "transport-auth-refused"].map(CLIScenarios.builtIn)
        let simulatorFolder = folder.url.appendingPathComponent("simulator")
        try FileManager.default.createDirectory(at: simulatorFolder, withIntermediateDirectories: true)

        try await SimulatorProcess.withSimulator(scenarios.map(\.path), in: simulatorFolder) { simulator in
            try CLIScenarios.poisonModels(in: simulator.inventory)
            let sweep = try await TriageRun.run([
                "sweep", "--inventory", simulator.inventory.path, "--all", "--db", database, "--json-lines", lines,
                "--concurrency", "4", "--connect-attempts", "1", "--deadline", "60",
            ])
            #expect(sweep.exitCode == 30, "escalate is the worst verdict: \(sweep.summary)")
            #expect(TerminalBytes.controls(in: sweep.standardOutput).isEmpty, "\(sweep.summary)")
            #expect(TerminalBytes.controls(in: sweep.standardError).isEmpty, "\(sweep.summary)")
            for expected in ["hostile-radio: remediable", "healthy-with-clients: healthy", "wlan-phy-missing: replace",
                             "transport-auth-refused: escalate", "swept 4 of 4 devices: healthy 1, remediable 1, replace 1, escalate 1"] {
                #expect(sweep.output.contains(expected), "\(expected): \(sweep.summary)")
            }

            let written = try String(contentsOfFile: lines, encoding: .utf8).split(separator: "\n")
            #expect(written.count == 4)
            let attributes = try FileManager.default.attributesOfItem(atPath: lines)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "evidence is private")
            let single = try await TriageRun.run([
                "diagnose", "healthy-with-clients", "--inventory", simulator.inventory.path, "--db", database, "--json",
                "--connect-attempts", "1",
            ])
            let singleKeys = try Self.keys(of: Data(single.standardOutput))
            var devices: Set<String> = []
            for line in written {
                let data = Data(line.utf8)
                let document = try JSONDecoder().decode(DiagnosisDocument.self, from: data)
                let diagnosis = try document.diagnosis()
                devices.insert(diagnosis.device.id)
                #expect(try Self.keys(of: data) == singleKeys, "the same keys as diagnose --json")
            }
            #expect(devices == ["hostile-radio", "healthy-with-clients", "wlan-phy-missing", "transport-auth-refused"])
        }
    }

    @Test("SIGINT mid-sweep: exit 130, the finished devices recorded and summarised, the hanging one audited as interrupted")
    func interrupted() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-sweep-sigint")
        defer { folder.remove() }
        let database = folder.url.appendingPathComponent("triage.sqlite").path
        let scenarios = ["transport-hang-after-auth", "healthy-with-clients", "wlan-phy-missing"].map(CLIScenarios.builtIn)

        try await SimulatorProcess.withSimulator(scenarios.map(\.path), in: folder.url) { simulator in
            // The hanging device must still hang when the others are done, however slow the machine.
            let inventory = try String(contentsOf: simulator.inventory, encoding: .utf8)
            try inventory.replacingOccurrences(of: "defaults:\n", with: "defaults:\n  timeouts: {command_seconds: 900}\n")
                .write(to: simulator.inventory, atomically: true, encoding: .utf8)
            let triage = try WatchedTriage.start(
                ["sweep", "--inventory", simulator.inventory.path, "--all", "--db", database, "--concurrency", "3",
                 "--connect-attempts", "1", "--deadline", "600"],
                in: folder, name: "sweep")
            let finished = await triage.wait(upTo: .seconds(120)) {
                $0.output.contains("healthy-with-clients: healthy") && $0.output.contains("wlan-phy-missing: replace")
            }
            #expect(finished, "\(triage.output)\n\(triage.errors)")
            triage.child.send(SIGINT)
            let termination = await triage.child.waitForTermination()
            #expect(termination == .exited(130), "\(termination): \(triage.output)\n\(triage.errors)")
            #expect(triage.output.contains("interrupted by SIGINT: 2 of 3 devices finished"), "\(triage.output)")
            #expect(triage.output.contains("swept 2 of 3 devices: healthy 1, remediable 0, replace 1, escalate 0"), "\(triage.output)")
            #expect(triage.output.contains("replace (1):\n  wlan-phy-missing: "), "\(triage.output)")
        }

        let store = try await AppDatabase.open(path: database)
        #expect(try await store.history(deviceID: "healthy-with-clients").count == 1)
        #expect(try await store.history(deviceID: "wlan-phy-missing").count == 1)
        #expect(try await store.history(deviceID: "transport-hang-after-auth").isEmpty)
        let audit = try await store.auditLog(deviceID: "transport-hang-after-auth")
        #expect(audit.map(\.outcome) == [.interrupted] && audit.first?.failure == "interrupted by SIGINT", "\(audit)")
    }

    private static func keys(of json: Data) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        return Set(try #require(object).keys)
    }
}
