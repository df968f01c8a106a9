import Foundation
import Logging
import TriageCore
import TriageSimulator

/// One scenario diagnosed by the rules, probed locally as `LocalProbeRun` does, and held against
/// what its scenario.yaml expects: the verdict, a finding in each expected component, deciding
/// findings only there, and messages that name what they are about.
struct ScenarioCheck: Sendable {
    var scenario: Scenario
    /// The fact document the rules read (rule tests on this scenario read it too).
    var facts: JSONValue
    var found: Verdict
    var findings: [Finding]
    /// Fired rules whose message found nothing to name: "rule: {{ part }}".
    var messageDefects: [String]

    var expected: Verdict { Verdict(rawValue: scenario.expect.verdict.rawValue) ?? .escalate }

    /// What differs from the expectation; empty when the scenario is diagnosed as expected.
    var mismatches: [String] {
        var problems: [String] = []
        if found != expected { problems.append("verdict \(found.rawValue), expected \(expected.rawValue)") }
        let components = Set(findings.map(\.component.rawValue))
        for component in scenario.expect.components.map(\.rawValue) where !components.contains(component) {
            problems.append("no \(component) finding")
        }
        let expectedComponents = Set(scenario.expect.components.map(\.rawValue))
        let stray = Set(findings.filter { $0.verdict != .healthy }.map(\.component.rawValue)).subtracting(expectedComponents)
        if !stray.isEmpty { problems.append("deciding findings outside the expected components: \(stray.sorted().joined(separator: ", "))") }
        return problems
    }

    static func run(_ scenario: Scenario, book: RuleBook, catalog: ProbeCatalog, logger: Logger) async throws -> ScenarioCheck {
        let outcome = try await LocalProbeRun.outcome(scenarioFolder: scenario.folder, catalog: catalog, logger: logger)
        if let failure = outcome.connectionFailure ?? outcome.probes.lazy.compactMap(\.failure).first { throw failure }
        let (diagnosis, _) = Diagnoser(rules: book).diagnose(outcome, request: .init(requestedBy: "triage rules test"))
        let facts = Diagnoser.document(sections: outcome.sections)
        let defects = RuleEngine(book: book).explain(facts).flatMap { explanation in
            explanation.unnamedParts.map { "\(explanation.rule.id): \($0) names nothing" }
        }
        return ScenarioCheck(scenario: scenario, facts: facts, found: diagnosis.verdict, findings: diagnosis.findings,
                             messageDefects: defects)
    }

    /// Diagnoses the scenarios, a few at a time (each mostly waits on its BusyBox shell), in their order.
    static func runAll(_ scenarios: [Scenario], book: RuleBook, catalog: ProbeCatalog, logger: Logger) async
        -> (checks: [ScenarioCheck], unprobed: [(String, any Error)]) {
        await withTaskGroup(of: (Int, Result<ScenarioCheck, any Error>).self) { group in
            var results: [Int: Result<ScenarioCheck, any Error>] = [:]
            var next = 0
            func start() {
                guard next < scenarios.count else { return }
                let (index, scenario) = (next, scenarios[next])
                next += 1
                group.addTask {
                    do { return (index, .success(try await ScenarioCheck.run(scenario, book: book, catalog: catalog, logger: logger))) }
                    catch { return (index, .failure(error)) }
                }
            }
            for _ in 0..<4 { start() }
            while let (index, result) = await group.next() {
                results[index] = result
                start()
            }
            var checks: [ScenarioCheck] = []
            var unprobed: [(String, any Error)] = []
            for index in scenarios.indices {
                switch results[index] {
                case .success(let check): checks.append(check)
                case .failure(let error): unprobed.append((scenarios[index].id, error))
                case nil: break
                }
            }
            return (checks, unprobed)
        }
    }
}
