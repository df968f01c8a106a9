/// The functions of the condition language. Those with a predicate take a list and a condition
/// that is evaluated once per element, with the element's fields as bare names.
public enum ExpressionFunction: String, Sendable, Hashable, CaseIterable {
    case any, all, none, count, `where`, exists, empty, len, max, min, sum, lower, distinct

    /// How many arguments the function takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .any, .all, .none, .where: 2...2
        case .count: 1...2
        case .exists, .empty, .len, .max, .min, .sum, .lower, .distinct: 1...1
        }
    }

    /// Whether the second argument is a predicate evaluated per element of the first.
    var takesPredicate: Bool {
        switch self {
        case .any, .all, .none, .count, .where: true
        default: false
        }
    }

    var signature: String {
        switch self {
        case .any, .all, .none, .where: "\(rawValue)(list, condition)"
        case .count: "count(list) or count(list, condition)"
        default: "\(rawValue)(value)"
        }
    }
}
