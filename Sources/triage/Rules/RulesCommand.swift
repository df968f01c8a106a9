import ArgumentParser
import Foundation
import Logging
import TriageCore
import TriageSimulator

/// `triage rules`: check rule files, run the rules' own tests, list the rules in force.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, test, explain and list the knowledge base (Docs/knowledge-base.md, Docs/knowledge-workflow.md).",
        subcommands: [Check.self, Test.self, Explain.self, List.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule files: every problem with file:line:column. Exit 1 if there are any.",
            discussion: "Without DIR, checks the shipped rules (and $TRIAGE_RULES_DIR's, if set). With DIR, checks DIR laid over the shipped rules.")

        @Argument(help: "A folder of rule files.")
        var directory: String?

        func run() async throws {
            let book = try RulesCommand.book(directory: directory, checking: true)
            let overrides = book.overridden.isEmpty ? "" : "; overriding \(book.overridden.joined(separator: ", "))"
            print("OK: \(counted(book.rules.count, "rule")) in force\(overrides)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules in force: id, verdict, component, title.")

        @OptionGroup var rulesOptions: RulesOptions

        func run() async throws {
            let book = try rulesOptions.loadBook()
            let width = book.rules.map(\.id.count).max() ?? 2
            for rule in book.rules {
                let verdict = (rule.isSecurity ? "escalate*" : rule.verdict.rawValue).padding(toLength: 10, withPad: " ", startingAt: 0)
                print("\(rule.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(verdict)  \(rule.component.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(rule.title)")
            }
        }
    }

    /// The shipped rules with `directory` (else $TRIAGE_RULES_DIR) over them. For `rules check` the
    /// problems are its answer (exit 1); for the others, an error of the user's or of Triage's.
    static func book(directory: String?, checking: Bool) throws -> RuleBook {
        let path = directory ?? ProcessInfo.processInfo.environment["TRIAGE_RULES_DIR"]
        let operatorDirectory = path.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            return try RulesOptions.load(operatorDirectory: operatorDirectory)
        } catch let error as CLIError where checking {
            throw ProblemsFound(report: error.message)
        }
    }
}
