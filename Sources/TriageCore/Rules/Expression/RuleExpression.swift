/// A parsed rule condition (Docs/knowledge-base.md, "The condition language").
///
/// Evaluation is total: every expression yields a value for every fact document, so a rule can
/// never fail at diagnosis time; what can go wrong is caught when the rule is read.
public indirect enum RuleExpression: Sendable, Hashable {
    case literal(JSONValue)
    case list([RuleExpression])
    /// The first word of a path: a fact group (`wlan`, `link`, …) or, inside a predicate, a field
    /// of the element being looked at.
    case name(String)
    /// The element a predicate is looking at (`it`).
    case element
    case member(RuleExpression, PathStep)
    case call(ExpressionFunction, [RuleExpression])
    case not(RuleExpression)
    case and(RuleExpression, RuleExpression)
    case or(RuleExpression, RuleExpression)
    case compare(ComparisonOperator, RuleExpression, RuleExpression)
    case arithmetic(ArithmeticOperator, RuleExpression, RuleExpression)

    public enum PathStep: Sendable, Hashable {
        case field(String)
        /// `[*]`: every element (spelled out for readers; a field of a list maps over it anyway).
        case every
        case index(Int)
    }

    public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case contains, matches, `in`
    }

    public enum ArithmeticOperator: String, Sendable, Hashable {
        case plus = "+", minus = "-", times = "*", dividedBy = "/"
    }
}
