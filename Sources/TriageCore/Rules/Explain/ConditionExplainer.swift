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
            let fact = FalsePart.Fact(path: operand.text, value: evaluator.value(of: operand))
            if !read.contains(fact) { read.append(fact) }
        }
        return read
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
    /// A literal, or a list of literals: nothing read from the device.
    var isConstant: Bool {
        switch self {
        case .literal: true
        case .list(let items): items.allSatisfy(\.isConstant)
        default: false
        }
    }
}
