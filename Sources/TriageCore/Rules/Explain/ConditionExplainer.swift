/// The explaining evaluation of a condition, beside the fast one (`ExpressionEvaluator.holds`):
/// when a condition does not hold, it names the smallest parts that made it false and the fact
/// values they read, so third level sees at once why a rule did not fire.
///
/// `a and b` is false through each false side, `a or b` through both; anything else (a
/// comparison, a function, `not …`) is a part of its own, quoted with the facts it read.
public struct ConditionExplainer: Sendable {
    public let evaluator: ExpressionEvaluator

    public init(root: JSONValue) {
        evaluator = ExpressionEvaluator(root: root)
    }

    /// The parts of `expression` that are false (empty when it holds).
    public func falseParts(of expression: RuleExpression) -> [FalsePart] {
        guard !evaluator.holds(expression) else { return [] }
        switch expression {
        case .and(let left, let right), .or(let left, let right):
            // Both sides of a false `or` are false; of an `and`, only the false sides matter.
            return falseParts(of: left) + falseParts(of: right)
        default:
            return [FalsePart(condition: expression.text, facts: facts(read: expression))]
        }
    }

    /// The values the part compared: its non-literal operands, or the list a function looked at.
    private func facts(read expression: RuleExpression) -> [FalsePart.Fact] {
        let operands: [RuleExpression]
        switch expression {
        case .not(let inner):
            return facts(read: inner)
        case .and(let left, let right), .or(let left, let right):
            let first = facts(read: left)
            return first + facts(read: right).filter { !first.contains($0) }
        case .compare(_, let left, let right), .arithmetic(_, let left, let right): operands = [left, right]
        case .call(_, let arguments): operands = Array(arguments.prefix(1))
        case .name, .member: operands = [expression]
        default: operands = []
        }
        var read: [FalsePart.Fact] = []
        for operand in operands where !operand.isConstant {
            var value = evaluator.value(of: operand)
            if case .call(let function, let arguments) = expression, function.takesPredicate, arguments.count == 2 {
                value = Self.project(value, onto: arguments[1].elementFields)
            }
            let fact = FalsePart.Fact(path: operand.text, value: value)
            if !read.contains(fact) { read.append(fact) }
        }
        return read
    }

    /// A list a predicate looked at, each element cut to what identifies it and the fields the
    /// predicate read: `[{"carrierChanges":1,"name":"wan"}, …]` rather than every counter.
    private static func project(_ value: JSONValue, onto fields: Set<String>) -> JSONValue {
        guard case .array(let items) = value, !fields.isEmpty else { return value }
        let kept = fields.union(["name", "id"])
        return .array(items.map { item in
            guard case .object(let object) = item else { return item }
            return .object(JSONObject(entries: object.entries.filter { kept.contains($0.key) }))
        })
    }
}

/// One part of a rule's condition that was false, and the facts it read.
public struct FalsePart: Sendable, Hashable, CustomStringConvertible {
    public struct Fact: Sendable, Hashable {
        /// The path or sub-expression, as written in the rule (`wlan.radios[*].up`).
        public var path: String
        public var value: JSONValue

        public init(path: String, value: JSONValue) {
            self.path = path
            self.value = value
        }
    }

    /// The false part, written back in the condition language.
    public var condition: String
    public var facts: [Fact]

    public var description: String {
        let read = facts.map { "\($0.path) = \($0.value.compactText())" }
        return read.isEmpty ? condition : "\(condition)   [\(read.joined(separator: "; "))]"
    }
}

extension RuleExpression {
    /// The element fields a predicate reads (`up`, `carrierChanges`): its bare names that are not fact groups.
    var elementFields: Set<String> {
        switch self {
        case .name(let name): ExpressionParser.factGroups.contains(name) ? [] : [name]
        case .literal, .element: []
        case .list(let items), .call(_, let items): items.reduce(into: []) { $0.formUnion($1.elementFields) }
        case .member(let base, _), .not(let base): base.elementFields
        case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right),
             .arithmetic(_, let left, let right): left.elementFields.union(right.elementFields)
        }
    }

    /// A literal, or a list of literals: nothing read from the device.
    var isConstant: Bool {
        switch self {
        case .literal: true
        case .list(let items): items.allSatisfy(\.isConstant)
        default: false
        }
    }
}
