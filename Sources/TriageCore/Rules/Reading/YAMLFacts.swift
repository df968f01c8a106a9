import Yams

/// Turns a YAML fact snippet (a rule test's `facts:`) into the JSON value the conditions read.
enum YAMLFacts {
    static func value(of node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? plain(scalar.string) : .string(scalar.string)
        case .sequence(let sequence):
            return .array(sequence.map(value(of:)))
        case .mapping(let mapping):
            return .object(JSONObject(entries: mapping.map { (key: $0.key.string ?? "", value: value(of: $0.value)) }))
        case .alias:
            return .null
        }
    }

    /// An unquoted scalar: YAML's core schema (null, booleans, numbers), else text.
    private static func plain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return Double(text).map(JSONValue.number) ?? .string(text)
        }
    }
}
