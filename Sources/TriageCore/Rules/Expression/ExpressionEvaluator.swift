import Foundation

/// Evaluates a condition over a fact document (a JSON value). Total: a missing fact is `null`,
/// an operator on values it does not apply to yields `false` (comparisons) or `null` (arithmetic).
public struct ExpressionEvaluator: Sendable {
    public let root: JSONValue

    public init(root: JSONValue) {
        self.root = root
    }

    /// Whether the condition holds: only the value `true` counts as true.
    public func holds(_ expression: RuleExpression) -> Bool {
        value(of: expression, element: nil) == .bool(true)
    }

    public func value(of expression: RuleExpression) -> JSONValue {
        value(of: expression, element: nil)
    }

    func value(of expression: RuleExpression, element: JSONValue?) -> JSONValue {
        switch expression {
        case .literal(let value):
            return value
        case .list(let items):
            return .array(items.map { value(of: $0, element: element) })
        case .name(let name):
            if let element, !ExpressionParser.factGroups.contains(name) { return Self.step(element, .field(name)) }
            return root[name] ?? .null
        case .element:
            return element ?? .null
        case .member(let base, let step):
            return Self.step(value(of: base, element: element), step)
        case .call(let function, let arguments):
            return call(function, arguments, element: element)
        case .not(let inner):
            return .bool(value(of: inner, element: element) != .bool(true))
        case .and(let left, let right):
            return .bool(value(of: left, element: element) == .bool(true) && value(of: right, element: element) == .bool(true))
        case .or(let left, let right):
            return .bool(value(of: left, element: element) == .bool(true) || value(of: right, element: element) == .bool(true))
        case .compare(let op, let left, let right):
            return .bool(FactComparison.compare(op, value(of: left, element: element), value(of: right, element: element)))
        case .arithmetic(let op, let left, let right):
            return FactComparison.arithmetic(op, value(of: left, element: element), value(of: right, element: element))
        }
    }

    /// One path step. A field of a list maps over its elements (lists in lists are flattened one level).
    static func step(_ value: JSONValue, _ step: RuleExpression.PathStep) -> JSONValue {
        switch (step, value) {
        case (.every, _):
            return value
        case (.index(let index), .array(let items)):
            return items.indices.contains(index) ? items[index] : .null
        case (.field(let name), .object(let object)):
            return object[name] ?? .null
        case (.field, .array(let items)):
            return .array(items.flatMap { item -> [JSONValue] in
                let found = Self.step(item, step)
                if case .array(let inner) = found { return inner }
                return found == .null ? [] : [found]
            })
        default:
            return .null
        }
    }

    private func call(_ function: ExpressionFunction, _ arguments: [RuleExpression], element: JSONValue?) -> JSONValue {
        let first = value(of: arguments[0], element: element)
        let items = first.array ?? []
        func matching() -> [JSONValue] {
            guard arguments.count > 1 else { return items }
            return items.filter { value(of: arguments[1], element: $0) == .bool(true) }
        }
        switch function {
        case .any: return .bool(!matching().isEmpty)
        case .all: return .bool(matching().count == items.count)
        case .none: return .bool(matching().isEmpty)
        case .count: return .number(Double(matching().count))
        case .where: return .array(matching())
        case .exists: return .bool(first != .null)
        case .empty:
            switch first {
            case .null: return .bool(true)
            case .array(let list): return .bool(list.isEmpty)
            case .string(let text): return .bool(text.isEmpty)
            case .object(let object): return .bool(object.isEmpty)
            default: return .bool(false)
            }
        case .len:
            if case .string(let text) = first { return .number(Double(text.count)) }
            return first.array.map { .number(Double($0.count)) } ?? .null
        case .max: return items.compactMap(\.double).max().map(JSONValue.number) ?? .null
        case .min: return items.compactMap(\.double).min().map(JSONValue.number) ?? .null
        case .sum: return .number(items.compactMap(\.double).reduce(0, +))
        case .lower: return first.string.map { .string($0.lowercased()) } ?? .null
        case .distinct:
            // First occurrence wins, so a message lists "ath10k, mt76" in log order, each once.
            var unique: [JSONValue] = []
            for item in items where !unique.contains(item) { unique.append(item) }
            return .array(unique)
        }
    }
}
