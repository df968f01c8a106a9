import Foundation

@testable import TriageCore

/// What a golden case's `expected.json` holds: the parser's value and its warnings.
struct GoldenOutput<Value: Encodable>: Encodable {
    var value: Value
    var warnings: [ParseWarning]
}

/// Compares a parser's output with a golden case's `expected.json` as JSON values, so key order and
/// number spelling (1 vs 1.0) do not matter but every key and value does; nil optionals are absent keys.
enum GoldenComparison {
    /// The canonical JSON of `output`, to compare and to show when a case differs.
    static func encode<Value: Encodable>(_ output: GoldenOutput<Value>) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    /// `nil` when equal; otherwise what differs, with the actual output to review against the raw text.
    static func difference(expected: String, actual: String) -> String? {
        let expectedJSON = LenientJSON.parse(expected)
        guard let expectedValue = expectedJSON.value, expectedJSON.isComplete, expectedJSON.problems.isEmpty else {
            return "expected.json is not valid JSON: \(expectedJSON.problems)"
        }
        guard let actualValue = LenientJSON.parse(actual).value else { return "output is not JSON" }
        if canonical(expectedValue) == canonical(actualValue) { return nil }
        return "output differs from expected.json; output was:\n\(actual)"
    }

    /// Objects with their keys sorted, recursively.
    private static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map(canonical))
        case .object(let object):
            let entries = object.entries.map { (key: $0.key, value: canonical($0.value)) }.sorted { $0.key < $1.key }
            return .object(JSONObject(entries: entries))
        default:
            return value
        }
    }
}
