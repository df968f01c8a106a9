import TriageCore

/// One rule's explanation as third level reads it: the rule, fired or not, its condition, and
/// the false parts with the fact values they read (or the message it made).
enum RuleExplanationText {
    static func render(_ explanation: RuleExplanation) -> String {
        let rule = explanation.rule
        let verdict = rule.isSecurity ? "escalate, security" : rule.verdict.rawValue
        var lines = ["\(explanation.fired ? "FIRED" : "not  ")  \(rule.id) (\(verdict), \(rule.component.rawValue), stage \(rule.stage))",
                     "       when: \(rule.whenText.split(whereSeparator: \.isNewline).joined(separator: " "))"]
        if let message = explanation.message { lines.append("       message: \(message)") }
        for part in explanation.unnamedParts {
            lines.append("       RULE DEFECT: the message part \(part) names nothing here")
        }
        for part in explanation.falseParts {
            lines.append("       false: \(part.condition)")
            for fact in part.facts {
                lines.append("              \(fact.path) = \(fact.value.compactText(limit: 400))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
