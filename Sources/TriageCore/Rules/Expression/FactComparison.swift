import Foundation

/// What the operators of the condition language mean on fact values.
///
/// A list on the left of a comparison compares if any of its elements does (so
/// `wlan.radios[*].disabled == true` reads "some radio is disabled"); `a != b` is `not (a == b)`.
enum FactComparison {
    static func compare(_ op: RuleExpression.ComparisonOperator, _ left: JSONValue, _ right: JSONValue) -> Bool {
        switch op {
        case .notEqual:
            return !compare(.equal, left, right)
        case .in:
            guard case .array(let options) = right else { return false }
            return options.contains { compare(.equal, left, $0) }
        case .contains:
            switch (left, right) {
            case (.array(let items), _): return items.contains { equal($0, right) }
            case (.string(let text), .string(let part)): return text.contains(part)
            default: return false
            }
        default:
            if case .array(let items) = left, !isList(right) {
                return items.contains { compare(op, $0, right) }
            }
            return compareSingle(op, left, right)
        }
    }

    private static func compareSingle(_ op: RuleExpression.ComparisonOperator, _ left: JSONValue, _ right: JSONValue) -> Bool {
        switch op {
        case .equal:
            return equal(left, right)
        case .matches:
            guard let text = left.string, let pattern = right.string else { return false }
            return RegexCache.firstMatch(pattern, in: text)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let a = left.double, let b = right.double else { return false }
            switch op {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            default: return a >= b
            }
        case .notEqual, .contains, .in:
            return compare(op, left, right)
        }
    }

    static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if let a = left.double, let b = right.double { return a == b }
        return left == right
    }

    static func arithmetic(_ op: RuleExpression.ArithmeticOperator, _ left: JSONValue, _ right: JSONValue) -> JSONValue {
        guard let a = left.double, let b = right.double else { return .null }
        switch op {
        case .plus: return .number(a + b)
        case .minus: return .number(a - b)
        case .times: return .number(a * b)
        case .dividedBy: return b == 0 ? .null : .number(a / b)
        }
    }

    private static func isList(_ value: JSONValue) -> Bool {
        if case .array = value { return true }
        return false
    }
}
