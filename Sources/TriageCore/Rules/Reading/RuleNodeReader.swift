import Yams

/// Typed access to the YAML nodes of one rule file; records a located problem instead of failing.
struct RuleNodeReader {
    let file: String
    var problems: [RuleProblem] = []

    func location(_ node: Node?, columnOffset: Int = 0) -> RuleLocation {
        RuleLocation(file: file, line: node?.mark?.line, column: node?.mark.map { $0.column + columnOffset })
    }

    mutating func report(_ node: Node?, _ message: String, columnOffset: Int = 0) {
        problems.append(RuleProblem(location: location(node, columnOffset: columnOffset), message: message))
    }

    /// The mapping's values by key; unknown and repeated keys are reported, with a suggestion for typos.
    mutating func fields(of node: Node, allowed: [String], in context: String) -> [String: Node]? {
        guard case .mapping(let map) = node else {
            report(node, "\(context) must be a mapping of `key: value` lines")
            return nil
        }
        return StrictYAMLMapping.fields(of: map, allowed: allowed, in: context) { report($0, $1) }
    }

    mutating func text(_ node: Node?, _ key: String, in context: String, required: Bool = true) -> String? {
        guard let node else {
            if required { problems.append(RuleProblem(location: RuleLocation(file: file), message: "\(context): missing `\(key)`")) }
            return nil
        }
        if case .scalar(let scalar) = node, !scalar.string.isEmpty { return scalar.string }
        report(node, "\(context): `\(key)` must be a single non-empty value")
        return nil
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, _ key: String, in context: String,
                                                              as type: T.Type) -> T? where T.RawValue == String {
        guard let text = text(node, key, in: context) else { return nil }
        if let value = T(rawValue: text) { return value }
        let options = T.allCases.map(\.rawValue).joined(separator: ", ")
        report(node, "\(context): `\(key)` must be one of \(options), not '\(text)'")
        return nil
    }

    mutating func bool(_ node: Node?, _ key: String, in context: String) -> Bool? {
        guard let node, let text = text(node, key, in: context) else { return nil }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(node, "\(context): `\(key)` must be true or false, not '\(text)'")
            return nil
        }
    }

    /// A list of texts, also accepting a single text.
    mutating func texts(_ node: Node, _ key: String, in context: String) -> [String] {
        if case .sequence(let list) = node { return list.compactMap { text($0, key, in: context) } }
        return text(node, key, in: context).map { [$0] } ?? []
    }

    /// A problem in a condition: located at the scalar plus the offset into its text (plain scalars
    /// start where the text starts; a quote adds one column).
    mutating func report(_ error: ExpressionSyntaxError, in node: Node, key: String, context: String) {
        var offset = error.offset
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { offset += 1 }
        if case .scalar(let scalar) = node, scalar.style == .literal || scalar.style == .folded || scalar.string.contains("\n") {
            report(node, "\(context): `\(key)`: \(error)")
        } else {
            report(node, "\(context): `\(key)`: \(error.message)", columnOffset: offset)
        }
    }
}
