/// One thing wrong in a rule file, located by file, line and column.
public struct RuleProblem: Sendable, Hashable, CustomStringConvertible {
    public var location: RuleLocation
    public var message: String

    public init(location: RuleLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Rule files that cannot be used, with every problem found (not just the first).
public struct RuleBookError: Error, Sendable, CustomStringConvertible {
    public var problems: [RuleProblem]

    public init(problems: [RuleProblem]) { self.problems = problems }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "The rules have \(count):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
            + "\nFix them and check again with `triage rules check DIR` (format: Docs/knowledge-base.md)."
    }
}
