import Foundation

/// A finding's message with `{{ expression }}` parts filled in from the facts, e.g.
/// `Radio {{ where(wlan.radios, disabled == true).name }} is disabled.`
public struct MessageTemplate: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        case expression(RuleExpression)
    }

    public var text: String
    public var parts: [Part]

    /// A message with no text (a disabling entry makes no finding).
    public static let empty = MessageTemplate(parts: [])

    private init(parts: [Part]) {
        text = ""
        self.parts = parts
    }

    /// Reads the template; an error's offset is into `text`.
    public init(_ text: String) throws(ExpressionSyntaxError) {
        self.text = text
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            parts.append(.text(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw ExpressionSyntaxError(offset: text.distance(from: text.startIndex, to: open.lowerBound),
                                            message: "'{{' without a closing '}}' in the message")
            }
            let inner = String(rest[open.upperBound..<close.lowerBound])
            do {
                parts.append(.expression(try ExpressionParser.parse(inner)))
            } catch {
                let start = text.distance(from: text.startIndex, to: open.upperBound)
                throw ExpressionSyntaxError(offset: start + error.offset, message: error.message)
            }
            rest = rest[close.upperBound...]
        }
        parts.append(.text(String(rest)))
        self.parts = parts.filter { $0 != .text("") }
    }

    public func render(with evaluator: ExpressionEvaluator) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .expression(let expression): Self.describe(evaluator.value(of: expression))
            }
        }.joined()
    }

    /// A fact value as a technician reads it: lists joined with commas, whole numbers without `.0`.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "?"
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): text
        case .array(let items): items.isEmpty ? "none" : items.map(describe).joined(separator: ", ")
        case .object(let object): object.keys.joined(separator: ", ")
        }
    }
}
