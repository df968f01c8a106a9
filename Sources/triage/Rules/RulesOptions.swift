import ArgumentParser
import Foundation
import TriageCore

/// `--rules-dir DIR` (or $TRIAGE_RULES_DIR): the operator's rules, laid over the shipped ones.
struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("rules-dir"),
            help: ArgumentHelp("A folder of rule files that add to or override the shipped rules by id.",
                               discussion: "Defaults to $TRIAGE_RULES_DIR."))
    var rulesDirectory: String?

    var operatorDirectory: URL? {
        let path = rulesDirectory ?? ProcessInfo.processInfo.environment["TRIAGE_RULES_DIR"]
        return path.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
    }

    func loadBook() throws -> RuleBook {
        try Self.load(operatorDirectory: operatorDirectory)
    }

    /// Problems in the operator's files are the user's to fix (exit 2); in the shipped ones, Triage's (exit 1).
    static func load(operatorDirectory: URL?) throws -> RuleBook {
        let shipped = try BundledResources.requireDirectory(named: "Rules")
        do {
            return try RuleBook.load(directories: [shipped] + (operatorDirectory.map { [$0] } ?? []))
        } catch {
            let inShipped = error.problems.contains { $0.location.file.hasPrefix(shipped.path) }
            throw inShipped ? CLIError.failure(error.description) : CLIError.usage(error.description)
        }
    }
}
