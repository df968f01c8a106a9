public import Foundation
public import Logging
public import TriageCore

/// Runs the probes on a scenario's files and canned outputs right here, without SSH: the same
/// BusyBox shell, `TRIAGE_ROOT` and tool dispatchers a simulated device uses, driven by the one
/// `ProbeRunner` through `LocalShellTransport`. Rule tests that name a scenario get their facts
/// this way (transport faults play no part in it).
public enum LocalProbeRun {
    /// The sections every probe of `catalog` prints on the scenario in `folder`.
    /// Throws when the local shell itself failed (it is Triage's own, not the scenario's doing).
    public static func sections(scenarioFolder folder: URL, catalog: ProbeCatalog, logger: Logger) async throws -> [ProbeSection] {
        let outcome = try await outcome(scenarioFolder: folder, catalog: catalog, logger: logger)
        if let failure = outcome.connectionFailure ?? outcome.probes.lazy.compactMap(\.failure).first { throw failure }
        return outcome.sections
    }

    /// The runner's whole report of the probes on the scenario in `folder`, probe by probe.
    public static func outcome(scenarioFolder folder: URL, catalog: ProbeCatalog, logger: Logger) async throws -> ProbeRunOutcome {
        let scenario = try ScenarioLoader.load(folder: folder)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("triage-local-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let shell = try await BusyBoxShell.prepare(appletsDirectory: work.appendingPathComponent("applets"))
        let dispatchers = work.appendingPathComponent("dispatchers")
        try ToolShims.install(into: dispatchers, commandsDirectory: scenario.commandsDirectory)
        let endpoint = "local:\(folder.lastPathComponent)"
        let transport = LocalShellTransport(shell: shell.executable, environment: [
            "PATH": "\(dispatchers.path):\(shell.appletsDirectory.path)",
            "TRIAGE_ROOT": scenario.rootDirectory.path,
        ], endpoint: endpoint)
        let device = ProbedDevice(id: folder.lastPathComponent, host: "localhost", endpoint: endpoint)
        return await ProbeRunner(catalog: catalog, retry: ConnectRetryPolicy(attempts: 1))
            .run(on: device, through: transport, logger: logger)
    }
}
