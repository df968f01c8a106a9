// Where the time of one diagnosis goes, phase by phase, and the parse time of a whole device.
// A benchmark, not a test: it prints figures and asserts nothing.
//
//   scripts/bench-diagnosis [ROUNDS]
//
// 1. Offline: every built-in scenario's probes are run once in local BusyBox (no SSH); then the
//    sections of each are parsed into facts (DeviceFacts) and diagnosed by the shipped rules
//    ROUNDS times. Reported for the scenario with the most output.
// 2. Online: `triage simulate` serves healthy-with-clients; ProbeRunner (connect + 4 probes over
//    SSH), parsing and the rules are timed separately, ROUNDS times.
import Foundation
import Logging
import TriageCore
import TriageInventory
import TriageSimulator
import TriageTestSupport

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50
let catalog = try ProbeCatalog.bundled()
let rules = try RuleBook.load()
let engine = RuleEngine(book: rules)
let diagnoser = Diagnoser(rules: rules)
let request = Diagnoser.Request(requestedBy: "bench")

func median(_ samples: [Duration]) -> String {
    let sorted = samples.sorted()
    let middle = sorted[sorted.count / 2].components
    return String(format: "%.2f ms", Double(middle.seconds) * 1000 + Double(middle.attoseconds) / 1e15)
}

func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let start = ContinuousClock.now
    let value = try body()
    return (value, start.duration(to: .now))
}

// 1. Offline parse and rules on the largest scenario.
let scenarios = try BundledResources.requireDirectory(named: "Scenarios")
let quiet = Logger(label: "bench.local") { _ in SwiftLogNoOpLogHandler() }
var largest: (id: String, sections: [ProbeSection]) = ("", [])
for folder in try FileManager.default.contentsOfDirectory(at: scenarios, includingPropertiesForKeys: nil) {
    let sections = try await LocalProbeRun.sections(scenarioFolder: folder, catalog: catalog, logger: quiet)
    let bytes = sections.reduce(0) { $0 + $1.output.utf8.count }
    if bytes > largest.sections.reduce(0, { $0 + $1.output.utf8.count }) { largest = (folder.lastPathComponent, sections) }
}
var parse: [Duration] = [], evaluate: [Duration] = []
for _ in 0..<rounds {
    parse.append(timed { DeviceFacts(sections: largest.sections) }.1)
    evaluate.append(timed { engine.findings(in: Diagnoser.document(sections: largest.sections), sections: largest.sections) }.1)
}
let size = largest.sections.reduce(0) { $0 + $1.output.utf8.count }
print("offline, \(largest.id) (\(largest.sections.count) sections, \(size / 1024) KiB), \(rounds) rounds:")
print("  parse all sections into facts: median \(median(parse))")
print("  parse + fact document + \(rules.rules.count) rules: median \(median(evaluate))")

// 2. Online against the simulator.
let folder = try TemporaryDirectory(prefix: "triage-bench-diagnosis")
defer { folder.remove() }
let scenarioPath = scenarios.appendingPathComponent("healthy-with-clients").path
try await SimulatorProcess.withSimulator([scenarioPath], in: folder.url) { simulator in
    let device = try Inventory.load(path: simulator.inventory.path).requireDevice(id: "healthy-with-clients")
    let runner = ProbeRunner(catalog: catalog)
    let logger = Logger(label: "bench")
    var probing: [Duration] = [], parsing: [Duration] = [], deciding: [Duration] = [], total: [Duration] = []

    for _ in 0..<rounds {
        let start = ContinuousClock.now
        let outcome = await runner.run(on: device, logger: logger)
        precondition(outcome.isComplete, "the probe run did not complete")
        probing.append(start.duration(to: .now))
        parsing.append(timed { DeviceFacts(sections: outcome.sections) }.1)
        deciding.append(timed { diagnoser.diagnose(outcome, request: request) }.1)
        total.append(start.duration(to: .now))
    }
    print("online, healthy-with-clients over SSH (libssh to the simulator), \(rounds) rounds:")
    print("  connect + 4 probes: median \(median(probing))")
    print("  parse:              median \(median(parsing))")
    print("  parse + rules + verdict (Diagnoser): median \(median(deciding))")
    print("  start to verdict:   median \(median(total))")
}
