public import TriageCore

/// One thing wrong in an inventory file, located by line and column.
public struct InventoryProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and compilers use.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// An inventory that cannot be used, with every problem found (not just the first).
/// The user's to fix (`usage`): the file is their input.
public struct InventoryError: TriageError {
    public var problems: [InventoryProblem]

    public init(problems: [InventoryProblem]) { self.problems = problems }

    public var kind: TriageErrorKind { .usage }

    public var message: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "The inventory has \(count):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }

    public var remedy: String { "Fix them and check again with `triage inventory check FILE` (format: Docs/inventory.md)." }
}
