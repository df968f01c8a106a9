import ArgumentParser
import Foundation
import Logging
import TriageCore
import TriageSimulator
import TriageStore

extension RulesCommand {
    /// `triage rules explain`: every rule on one case, whether it fired, and for those that did
    /// not, which part of the condition was false against which fact.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every rule on one case: fired or not, and which part of its condition was false on which fact.",
            discussion: """
                The case is a recorded diagnosis (its id or a unique prefix; the facts are rebuilt from its stored \
                evidence), a device probed now (with --inventory), or a scenario folder probed locally (--scenario, \
                e.g. one written by `triage capture`). Docs/knowledge-workflow.md shows where this fits.
                """)

        @Argument(help: "A diagnosis id in the store, or with --inventory a device id.")
        var subject: String?

        @Option(help: "A scenario folder to probe locally instead (a captured case, or Scenarios/<id>).")
        var scenario: String?

        @Option(name: .customLong("rule"), help: "Explain only this rule (repeatable); default: every rule in force.")
        var onlyRules: [String] = []

        @OptionGroup var rulesOptions: RulesOptions
        @OptionGroup var inventoryOptions: InventoryOptions
        @OptionGroup var runOptions: ProbeRunOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if (subject == nil) == (scenario == nil) {
                throw ValidationError("Name one case: a diagnosis id, a device id with --inventory, or --scenario DIR.")
            }
        }

        func run() async throws {
            let book = try rulesOptions.loadBook()
            let (origin, facts) = try await caseFacts()
            let explanations = RuleEngine(book: book).explain(facts)
            let unknown = Set(onlyRules).subtracting(explanations.map(\.rule.id))
            guard unknown.isEmpty else {
                throw CLIError.usage("no rule \(unknown.sorted().joined(separator: ", ")) in force (`triage rules list` shows them)")
            }
            print(origin)
            let fired = explanations.filter(\.fired)
            print("Rules fired: \(fired.isEmpty ? "none" : fired.map(\.rule.id).joined(separator: ", "))\n")
            for explanation in explanations where onlyRules.isEmpty || onlyRules.contains(explanation.rule.id) {
                print(RuleExplanationText.render(explanation))
            }
        }

        /// Where the facts come from, said in one line, and the facts.
        private func caseFacts() async throws -> (String, JSONValue) {
            if let scenario {
                var logger = Logger(label: "triage.rules") { StreamLogHandler.standardError(label: $0) }
                logger.logLevel = .warning
                let folder = URL(fileURLWithPath: scenario, isDirectory: true)
                let sections: [ProbeSection]
                do {
                    _ = try ScenarioLoader.load(folder: folder)
                    sections = try await LocalProbeRun.sections(scenarioFolder: folder, catalog: try ProbeCatalog.bundled(), logger: logger)
                } catch let error as ScenarioError {
                    throw CLIError.usage("\(error)")
                }
                return ("Case: scenario folder \(folder.path), probed locally", Diagnoser.document(sections: sections))
            }
            let subject = subject ?? ""
            if inventoryOptions.inventory != nil {
                let outcome = try await DeviceProbe.run(subject, inventory: inventoryOptions, options: runOptions)
                let (_, facts) = Diagnoser(rules: try rulesOptions.loadBook())
                    .diagnose(outcome, request: .init(requestedBy: "triage rules explain"))
                return ("Case: device \(subject), probed now", facts)
            }
            return try await store.withStore(.reading) { database, _ in
                guard let stored = try await database.diagnosis(id: subject) else {
                    throw CLIError.usage("no diagnosis \(subject) in \(database.location) (or the prefix is not unique); for a device, add --inventory FILE")
                }
                // The stored evidence is the redacted sections the facts came from; the run's own
                // facts (connect attempts, probes cut short) are taken as a complete run.
                return ("Case: diagnosis \(stored.record.id) of device \(stored.record.deviceID), recorded verdict \(stored.record.verdict.rawValue), "
                        + "facts rebuilt from \(stored.evidence.count) stored evidence section(s)",
                        Diagnoser.document(sections: stored.evidence))
            }
        }
    }
}
