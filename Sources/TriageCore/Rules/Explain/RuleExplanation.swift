/// Why one rule fired or did not on one fact document (`triage rules explain`).
public struct RuleExplanation: Sendable, Hashable {
    public var rule: Rule
    public var fired: Bool
    /// The finding's message, when the rule fired.
    public var message: String?
    /// The parts of the condition that were false, when it did not fire.
    public var falseParts: [FalsePart]
    /// The message's `{{ … }}` parts that found nothing to name (a rule defect, see `MessageTemplate.unnamedParts`).
    public var unnamedParts: [String]

    public init(rule: Rule, fired: Bool, message: String?, falseParts: [FalsePart], unnamedParts: [String]) {
        self.rule = rule
        self.fired = fired
        self.message = message
        self.falseParts = falseParts
        self.unnamedParts = unnamedParts
    }
}

extension RuleEngine {
    /// Every rule of the book, in order, on `document`, as a diagnosis runs them: stage 2 rules
    /// see the findings of stage 1.
    public func explain(_ document: JSONValue) -> [RuleExplanation] {
        let stageOne = Set(book.rules.filter { $0.stage == 1 }.map(\.id))
        let earlier = findings(in: document, sections: []).filter { stageOne.contains($0.ruleID) }
        let later = FactDocument.adding(findings: earlier, to: document)
        return book.rules.map { rule in
            let explainer = ConditionExplainer(root: rule.stage == 1 ? document : later)
            let fired = explainer.evaluator.holds(rule.when)
            return RuleExplanation(
                rule: rule, fired: fired, message: fired ? rule.message.render(with: explainer.evaluator) : nil,
                falseParts: explainer.falseParts(of: rule.when),
                unnamedParts: fired ? rule.message.unnamedParts(with: explainer.evaluator) : [])
        }
    }
}
