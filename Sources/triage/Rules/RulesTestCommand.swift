import ArgumentParser
import Foundation
import Logging
import TriageCore
import TriageSimulator

extension RulesCommand {
    /// `triage rules test`: every rule's own tests, and every scenario diagnosed as its
    /// scenario.yaml expects, with messages that name what they are about.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's tests and diagnose every scenario. Exit 1 if anything fails.",
            discussion: """
                Scenarios are probed locally with BusyBox, as the simulator serves them; those with a transport \
                fault are left to the end-to-end walk over SSH. A scenario fails when its verdict or components \
                differ from its `expect`; a rule fails when its test fails or when its message finds nothing to \
                name on a scenario where it fires ("radio none"). --matrix prints the accuracy report.
                """)

        @Argument(help: "A folder of rule files, laid over the shipped rules.")
        var directory: String?

        @Option(help: "The scenarios folder to diagnose (default: the built-in Scenarios/).")
        var scenarios: String?

        @Flag(help: "Print expected against found verdict per scenario, the confusion matrix and the false-healthy and false-replace counts.")
        var matrix = false

        @Flag(help: "Print passing tests too.")
        var verbose = false

        func run() async throws {
            let book = try RulesCommand.book(directory: directory, checking: false)
            let all = try loadScenarios()
            let catalog = try ProbeCatalog.bundled()
            var logger = Logger(label: "triage.rules") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .warning
            let local = all.filter { $0.transport.fault == .none }
            let (checks, unprobed) = await ScenarioCheck.runAll(local, book: book, catalog: catalog, logger: logger)
            var failed = unprobed.count
            for (id, error) in unprobed { print("FAIL  scenario \(id): could not be probed locally: \(error)") }
            failed += report(checks)
            failed += await runRuleTests(book: book, checks: checks, catalog: catalog, logger: logger)
            if matrix { printMatrix(checks, transportScenarios: all.count - local.count) }
            print("\(counted(book.rules.count, "rule")), \(counted(checks.count, "scenario")) diagnosed: "
                  + (failed == 0 ? "all passed" : "\(failed) failed"))
            if failed > 0 { throw ExitCode(1) }
        }

        /// The scenarios of `--scenarios` or the built-in ones; none at all is a failure, never a pass.
        private func loadScenarios() throws -> [Scenario] {
            let folder = try scenarios.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? BundledResources.requireDirectory(named: "Scenarios")
            let loaded: [Scenario]
            do {
                loaded = try ScenarioLoader.load(folders: try ScenarioLoader.scenarioFolders(in: folder))
            } catch {
                throw CLIError.usage("\(error)")
            }
            guard !loaded.isEmpty else {
                throw CLIError.usage("no scenarios in \(folder.path): nothing to test the rules against (each scenario is a folder with a scenario.yaml)")
            }
            return loaded
        }

        /// Prints each scenario that is not diagnosed as expected and each message defect; returns how many failed.
        private func report(_ checks: [ScenarioCheck]) -> Int {
            var failed = 0
            for check in checks {
                let mismatches = check.mismatches
                if !mismatches.isEmpty {
                    failed += 1
                    print("FAIL  scenario \(check.scenario.id): \(mismatches.joined(separator: "; ")); findings: "
                          + check.findings.map { "\($0.ruleID)=\($0.verdict.rawValue)" }.joined(separator: ", "))
                } else if verbose {
                    print("ok    scenario \(check.scenario.id): \(check.found.rawValue)")
                }
                for defect in check.messageDefects {
                    failed += 1
                    print("FAIL  rule defect on scenario \(check.scenario.id): \(defect)")
                }
            }
            return failed
        }

        /// The rules' own tests; a scenario they name reads the facts already probed above, else
        /// the built-in scenario of that id (a captured case's rule is tested against both).
        private func runRuleTests(book: RuleBook, checks: [ScenarioCheck], catalog: ProbeCatalog, logger: Logger) async -> Int {
            let probed = Dictionary(checks.map { ($0.scenario.id, $0.facts) }) { first, _ in first }
            let folder = BundledResources.directory(named: "Scenarios")
            let runner = RuleTestRunner(book: book) { [logger] id in
                if let facts = probed[id] { return facts }
                guard let folder else { throw CLIError.failure("no Scenarios folder to probe scenario \(id) from") }
                let sections = try await LocalProbeRun.sections(
                    scenarioFolder: folder.appendingPathComponent(id, isDirectory: true), catalog: catalog, logger: logger)
                return Diagnoser.document(sections: sections)
            }
            var failed = 0
            for result in await runner.run() {
                if case .failed = result.outcome { failed += 1 } else if !verbose { continue }
                print(result)
            }
            return failed
        }

        private func printMatrix(_ checks: [ScenarioCheck], transportScenarios: Int) {
            let matrix = AccuracyMatrix(checks: checks)
            print("\nAccuracy by scenario:\n\(matrix.perScenario)\n")
            print("Confusion matrix (rows: expected verdict, columns: found verdict):\n\(matrix.confusion)\n")
            print(matrix.summary)
            if transportScenarios > 0 {
                print("(\(counted(transportScenarios, "scenario")) with a transport fault not in the matrix: they are diagnosed over SSH by the simulator walk)")
            }
            print("")
        }
    }
}
