extension MessageTemplate {
    /// The `{{ … }}` parts that find nothing to name on these facts: a missing fact, an empty
    /// list or an empty text. The finding would read "hostapd could not start on radio none",
    /// so a template that does this on a case where its rule fires is a defect of the rule
    /// (`triage rules test` fails on it).
    public func unnamedParts(with evaluator: ExpressionEvaluator) -> [String] {
        parts.compactMap { part in
            guard case .expression(let expression) = part else { return nil }
            return Self.namesNothing(evaluator.value(of: expression)) ? "{{ \(expression.text) }}" : nil
        }
    }

    private static func namesNothing(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let text): text.allSatisfy(\.isWhitespace)
        case .array(let items): items.allSatisfy(namesNothing)
        case .object(let object): object.isEmpty
        case .bool, .number: false
        }
    }
}
