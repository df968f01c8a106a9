import Foundation

extension RuleExpression {
    /// The expression written back in the condition language, so that an explanation can quote
    /// the part of a rule's `when` that decided (`wlan.radios[*].up == false`). Parentheses only
    /// where the grammar needs them: it reads back as the same expression.
    public var text: String {
        switch self {
        case .literal(let value): return Self.literalText(value)
        case .list(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .name(let name): return name
        case .element: return "it"
        case .member(let base, let step):
            let path = base.wrapped(below: .primary)
            switch step {
            case .field(let name): return path + "." + name
            case .every: return path + "[*]"
            case .index(let index): return path + "[\(index)]"
            }
        case .call(let function, let arguments):
            return function.rawValue + "(" + arguments.map(\.text).joined(separator: ", ") + ")"
        case .not(let inner): return "not " + inner.wrapped(below: .not)
        case .and(let left, let right): return left.wrapped(below: .and) + " and " + right.wrapped(below: .not)
        case .or(let left, let right): return left.wrapped(below: .or) + " or " + right.wrapped(below: .and)
        case .compare(let op, let left, let right):
            return left.wrapped(below: .sum) + " \(op.rawValue) " + right.wrapped(below: .sum)
        case .arithmetic(let op, let left, let right):
            let level: Precedence = op == .plus || op == .minus ? .sum : .product
            return left.wrapped(below: level) + " \(op.rawValue) " + right.wrapped(below: level.next)
        }
    }

    /// The grammar's levels, lowest first (ExpressionParser).
    private enum Precedence: Int, Comparable {
        case or, and, not, comparison, sum, product, primary

        var next: Precedence { Precedence(rawValue: rawValue + 1) ?? .primary }

        static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private var precedence: Precedence {
        switch self {
        case .or: .or
        case .and: .and
        case .not: .not
        case .compare: .comparison
        case .arithmetic(let op, _, _): op == .plus || op == .minus ? .sum : .product
        case .literal(.number(let number)) where number < 0: .sum
        default: .primary
        }
    }

    /// The text, in parentheses when it binds less tightly than `level`.
    private func wrapped(below level: Precedence) -> String {
        precedence < level ? "(" + text + ")" : text
    }

    private static func literalText(_ value: JSONValue) -> String {
        switch value {
        case .string(let string):
            "\"" + string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        default: value.compactText(limit: .max)
        }
    }
}
