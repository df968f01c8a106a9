import Foundation
import Logging
import TriageActions
import TriageCore
import TriageInventory
import TriageEngine
import TriageStore
import TriageTestSupport

/// An engine over a running simulated fleet, recording into a store in the test's folder.
enum EngineHarness {
    static func engine(for simulator: RunningSimulator, database: String, batchLimit: Int = 64,
                       commandSeconds: Int? = nil, configuration: TriageConfiguration = TriageConfiguration())
        async throws -> (TriageEngine, AppDatabase) {
        if let commandSeconds {
            // One simulator on two shared cores serves every device: under a full sweep its slow
            // (400 ms per write) device can take longer per probe than a real one would.
            let text = try String(contentsOf: simulator.inventory, encoding: .utf8)
            try text.replacingOccurrences(of: "defaults:\n", with: "defaults:\n  timeouts: {command_seconds: \(commandSeconds)}\n")
                .write(to: simulator.inventory, atomically: true, encoding: .utf8)
        }
        let inventory = try Inventory.load(path: simulator.inventory.path)
        let rules = try RuleBook.load(directories: [try BundledResources.requireDirectory(named: "Rules")])
        let store = try await AppDatabase.open(path: database)
        var logger = Logger(label: "triage.engine-tests")
        logger.logLevel = .critical
        let engine = TriageEngine(inventory: inventory, rules: rules, catalog: try ProbeCatalog.bundled(), database: store,
                                  configuration: configuration, logger: logger, batchLimit: batchLimit)
        return (engine, store)
    }

    /// Short retries: an unreachable device costs about a second, not minutes.
    static func request(act: Bool = true, deadline: Duration = .seconds(60), requestedBy: String = "engine-tests") -> DiagnosisRequest {
        DiagnosisRequest(requestedBy: requestedBy, act: act,
                         probe: ProbeSettings(connectAttempts: 2, retrySpacing: .milliseconds(200), deadline: deadline))
    }

    /// Runs a sweep and collects its results in the order they came.
    static func sweep(_ engine: TriageEngine, _ devices: [Device], concurrency: Int, request: DiagnosisRequest) async -> [DeviceResult] {
        var results: [DeviceResult] = []
        await engine.sweep(devices, SweepOptions(concurrency: concurrency, request: request)) { results.append($0) }
        return results
    }
}
