/// Runs the knowledge base over one fact document: stage 1 rules on the facts, then stage 2 rules
/// on the facts and stage 1's findings. Each rule that holds makes one finding.
public struct RuleEngine: Sendable {
    public let book: RuleBook

    public init(book: RuleBook) {
        self.book = book
    }

    /// The findings, in rule order, with their evidence selected from `sections`.
    public func findings(in document: JSONValue, sections: [ProbeSection]) -> [Finding] {
        var findings: [Finding] = []
        for stage in 1...2 {
            let seen = stage == 1 ? document : FactDocument.adding(findings: findings, to: document)
            let evaluator = ExpressionEvaluator(root: seen)
            for rule in book.rules where rule.stage == stage && evaluator.holds(rule.when) {
                findings.append(finding(of: rule, evaluator: evaluator, sections: sections))
            }
        }
        return findings
    }

    /// Whether one rule fires on a document (rule tests): a stage 2 rule sees stage 1's findings, as in a diagnosis.
    public func fires(_ rule: Rule, in document: JSONValue) -> Bool {
        guard rule.stage == 2 else { return ExpressionEvaluator(root: document).holds(rule.when) }
        let evaluator = ExpressionEvaluator(root: document)
        let earlier = book.rules.filter { $0.stage == 1 && evaluator.holds($0.when) }
            .map { finding(of: $0, evaluator: evaluator, sections: []) }
        return ExpressionEvaluator(root: FactDocument.adding(findings: earlier, to: document)).holds(rule.when)
    }

    private func finding(of rule: Rule, evaluator: ExpressionEvaluator, sections: [ProbeSection]) -> Finding {
        Finding(
            component: rule.component, code: rule.code, severity: rule.severity, message: rule.message.render(with: evaluator),
            verdict: rule.verdict, isSecurity: rule.isSecurity, remedy: rule.remedy, reference: rule.reference,
            evidence: rule.evidence.flatMap { $0.select(from: sections) }, ruleID: rule.id)
    }
}
