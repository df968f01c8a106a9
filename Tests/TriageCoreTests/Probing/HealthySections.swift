import Foundation
import Logging
import TriageCore
import TriageSimulator

/// What each probe prints on the built-in `healthy-with-clients` scenario, probe by probe:
/// probed once per test process through the local shell, then served from memory.
actor HealthySections {
    static let shared = HealthySections()
    private var cached: [String: [ProbeSection]]?

    func byProbe() async throws -> [String: [ProbeSection]] {
        if let cached { return cached }
        let folder = try BundledResources.requireDirectory(named: "Scenarios").appendingPathComponent("healthy-with-clients")
        let outcome = try await LocalProbeRun.outcome(scenarioFolder: folder, catalog: try ProbeCatalog.bundled(),
                                                      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        guard outcome.isComplete else { throw NotProbed(outcome: "\(outcome.probes.map { ($0.name, $0.failure) })") }
        let sections = Dictionary(outcome.probes.map { ($0.name, $0.reading.sections) }) { first, _ in first }
        cached = sections
        return sections
    }

    struct NotProbed: Error {
        let outcome: String
    }
}
