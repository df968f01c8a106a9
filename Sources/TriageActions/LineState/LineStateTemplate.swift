/// A URL or a command argument with placeholders for the device's inventory fields:
/// `{customer}`, `{line_id}`, `{device}`. Parsed once when the config is read, so an unknown
/// placeholder is a config error with its line, never a surprise during a diagnosis.
public struct LineStateTemplate: Sendable, Hashable, CustomStringConvertible {
    public enum Placeholder: String, Sendable, Hashable, CaseIterable {
        case customer
        case lineID = "line_id"
        case device
    }

    enum Part: Sendable, Hashable {
        case text(String)
        case placeholder(Placeholder)
    }

    let parts: [Part]
    public let description: String

    /// Why a text is not a template: the caller adds where it was.
    public struct Problem: Error {
        public var text: String
    }

    public init(parsing text: String) throws(Problem) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw Problem(text: "has a '{' that is never closed")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let placeholder = Placeholder(rawValue: name) else {
                let known = Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                throw Problem(text: "names the unknown placeholder {\(name)}; known: \(known)")
            }
            parts.append(.placeholder(placeholder))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
        description = text
    }

    var placeholders: [Placeholder] {
        parts.compactMap { part in
            if case .placeholder(let placeholder) = part { return placeholder }
            return nil
        }
    }

    /// The text with each placeholder replaced by `encode(value)`, or the placeholder whose
    /// value the device does not have.
    func filled(with query: LineStateQuery, encode: (String) -> String = { $0 }) -> Result<String, MissingValue> {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal):
                text += literal
            case .placeholder(let placeholder):
                guard let value = query.value(of: placeholder), !value.isEmpty else { return .failure(MissingValue(placeholder: placeholder)) }
                text += encode(value)
            }
        }
        return .success(text)
    }

    /// The device has no value for a placeholder the source needs.
    struct MissingValue: Error {
        var placeholder: Placeholder
    }
}
