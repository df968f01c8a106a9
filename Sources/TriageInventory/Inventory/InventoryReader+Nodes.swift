import TriageCore
import Yams

/// Typed access to YAML nodes that records a located problem instead of failing.
extension InventoryReader {
    mutating func report(_ node: Node?, _ message: String) {
        problems.append(InventoryProblem(file: file, line: node?.mark.map { $0.line + lineOffset }, column: node?.mark?.column, message: message))
    }

    /// Every problem found, in file order.
    func throwProblems() throws(InventoryError) {
        guard !problems.isEmpty else { return }
        throw InventoryError(problems: problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
    }

    mutating func mapping(_ node: Node, _ context: String) -> Node.Mapping? {
        if case .mapping(let map) = node { return map }
        report(node, "\(context) must be a mapping of `key: value` lines")
        return nil
    }

    /// The mapping's values by key; unknown and repeated keys are reported, with a suggestion for typos.
    mutating func fields(of map: Node.Mapping, at node: Node, allowed: Set<String>, in context: String) -> [String: Node] {
        StrictYAMLMapping.fields(of: map, allowed: allowed, in: context) { report($0, $1) }
    }

    mutating func string(_ node: Node, _ key: String) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        report(node, "`\(key)` must be a single value")
        return nil
    }

    /// A whole number within `range`; anything else is reported with the range.
    mutating func int(_ node: Node, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, key) else { return nil }
        if let value = Int(text), range.contains(value) { return value }
        report(node, "`\(key)` must be a whole number in \(range.lowerBound)–\(range.upperBound), not \(InventoryValue.quoted(text))")
        return nil
    }

    /// A number of seconds within `range` (which also keeps out `nan`, `inf` and `1e300`).
    mutating func seconds(_ node: Node, _ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let text = string(node, key) else { return nil }
        if let value = Double(text), range.contains(value) { return value }
        report(node, "`\(key)` must be a number of seconds in \(InventoryLimits.text(range)), not \(InventoryValue.quoted(text))")
        return nil
    }

    mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard let text = string(node, key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(node, "`\(key)` must be true or false, not \(InventoryValue.quoted(text))")
            return nil
        }
    }
}
