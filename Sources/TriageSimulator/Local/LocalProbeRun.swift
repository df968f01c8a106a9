import ChildProcess
public import Foundation
public import TriageCore

/// Runs the probes on a scenario's files and canned outputs right here, without SSH: the same
/// BusyBox shell, `TRIAGE_ROOT` and tool dispatchers a simulated device uses. Rule tests that
/// name a scenario get their facts this way (transport faults play no part in it).
public enum LocalProbeRun {
    /// The sections every probe of `catalog` prints on the scenario in `folder`.
    public static func sections(scenarioFolder folder: URL, catalog: ProbeCatalog) async throws -> [ProbeSection] {
        let scenario = try ScenarioLoader.load(folder: folder)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("triage-local-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let shell = try await BusyBoxShell.prepare(appletsDirectory: work.appendingPathComponent("applets"))
        let dispatchers = work.appendingPathComponent("dispatchers")
        try ToolShims.install(into: dispatchers, commandsDirectory: scenario.commandsDirectory)
        var sections: [ProbeSection] = []
        for script in catalog.scripts {
            let token = ProbeToken.random()
            let result = try await ChildProcess.collect(
                executable: shell.executable, arguments: script.shellArguments(token: token), argv0: "sh",
                environment: [
                    "PATH": "\(dispatchers.path):\(shell.appletsDirectory.path)",
                    "TRIAGE_ROOT": scenario.rootDirectory.path,
                ],
                input: Array(script.stdin), outputLimit: 16 << 20)
            sections += ProbeStreamReader(token: token).read(result.standardOutput).sections
        }
        return sections
    }
}
