import Foundation
import Yams

/// Reads one rule file (`rules:`, a list of rules) and reports every problem with its line.
struct RuleFileReader {
    static let ruleKeys = [
        "id", "title", "component", "when", "stage", "code", "severity", "message", "evidence", "verdict",
        "security", "remedy", "reference", "why", "enabled", "tests",
    ]
    /// What an operator's file needs to switch a shipped rule off.
    static let disablingKeys: Set<String> = ["id", "enabled"]

    private var nodes: RuleNodeReader

    init(file: String) {
        nodes = RuleNodeReader(file: file)
    }

    /// The rules of the file, and every problem found in it.
    static func read(_ text: String, file: String) -> (rules: [Rule], problems: [RuleProblem]) {
        var reader = RuleFileReader(file: file)
        let rules = reader.read(text)
        return (rules, reader.nodes.problems)
    }

    private mutating func read(_ text: String) -> [Rule] {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                nodes.report(nil, "the file is empty; a rule file holds `rules:`, a list of rules")
                return []
            }
            root = node
        } catch {
            nodes.report(nil, "not valid YAML: \(error)")
            return []
        }
        guard let top = nodes.fields(of: root, allowed: ["rules"], in: "the top level") else { return [] }
        guard let list = top["rules"] else {
            nodes.report(root, "missing `rules:`, the list of rules")
            return []
        }
        guard case .sequence(let entries) = list else {
            nodes.report(list, "`rules` must be a list (each rule starting with `- id: …`)")
            return []
        }
        return entries.enumerated().compactMap { rule($1, index: $0) }
    }

    private mutating func rule(_ node: Node, index: Int) -> Rule? {
        guard let fields = nodes.fields(of: node, allowed: Self.ruleKeys, in: "rules[\(index)]") else { return nil }
        guard let id = nodes.text(fields["id"] ?? node, "id", in: "rules[\(index)]") else { return nil }
        let context = "rule '\(id)'"
        if id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) {
            nodes.report(fields["id"], "\(context): ids use letters, digits, '-', '_' and '.'")
        }
        let origin = nodes.location(node)
        let enabled = fields["enabled"].flatMap { nodes.bool($0, "enabled", in: context) } ?? true
        if !enabled, Set(fields.keys).isSubset(of: Self.disablingKeys) {
            // `- {id: wlan-radio-disabled, enabled: false}` switches a shipped rule off.
            return Rule(id: id, title: "", component: .system, whenText: "false", when: .literal(.bool(false)), code: "",
                        severity: .info, message: .empty, verdict: .healthy,
                        isEnabled: false, origin: origin)
        }
        let title = nodes.text(fields["title"], "title", in: context)
        let component = nodes.choice(fields["component"], "component", in: context, as: Component.self)
        let verdict = nodes.choice(fields["verdict"], "verdict", in: context, as: Verdict.self)
        let severity = fields["severity"].map { nodes.choice($0, "severity", in: context, as: Severity.self) } ?? .warning
        let code = nodes.text(fields["code"], "code", in: context)
        let when = condition(fields["when"], in: context)
        let message = template(fields["message"], in: context)
        let stage = stage(fields["stage"], in: context)
        let remedy = nodes.text(fields["remedy"], "remedy", in: context, required: false)
        if verdict == .remediable, remedy == nil {
            nodes.report(node, "\(context): a `remediable` rule needs a `remedy` (what second level should do)")
        }
        let evidence = fields["evidence"].map { evidenceSelectors($0, in: context) } ?? []
        let tests = fields["tests"].map { ruleTests($0, in: context) } ?? []
        if fields["tests"] == nil { nodes.report(node, "\(context): needs `tests:` (facts or scenarios it must and must not fire on)") }
        guard let title, let component, let verdict, let severity, let code, let when, let message, let stage else { return nil }
        return Rule(
            id: id, title: title, component: component, whenText: when.text, when: when.expression, stage: stage, code: code,
            severity: severity, message: message, evidence: evidence, verdict: verdict,
            isSecurity: fields["security"].flatMap { nodes.bool($0, "security", in: context) } ?? false,
            remedy: remedy, reference: nodes.text(fields["reference"], "reference", in: context, required: false),
            why: nodes.text(fields["why"], "why", in: context, required: false), isEnabled: enabled, tests: tests, origin: origin)
    }

    private mutating func condition(_ node: Node?, in context: String) -> (text: String, expression: RuleExpression)? {
        guard let node, let text = nodes.text(node, "when", in: context) else {
            if node == nil { nodes.report(nil, "\(context): missing `when`, the condition") }
            return nil
        }
        do {
            return (text, try ExpressionParser.parse(text))
        } catch {
            nodes.report(error, in: node, key: "when", context: context)
            return nil
        }
    }

    private mutating func template(_ node: Node?, in context: String) -> MessageTemplate? {
        guard let text = nodes.text(node, "message", in: context), let node else { return nil }
        do {
            return try MessageTemplate(text)
        } catch {
            nodes.report(error, in: node, key: "message", context: context)
            return nil
        }
    }

    private mutating func stage(_ node: Node?, in context: String) -> Int? {
        guard let node else { return 1 }
        guard let text = nodes.text(node, "stage", in: context), let stage = Int(text), (1...2).contains(stage) else {
            nodes.report(node, "\(context): `stage` must be 1 (sees the facts) or 2 (also sees `findings`)")
            return nil
        }
        return stage
    }

    private mutating func evidenceSelectors(_ node: Node, in context: String) -> [EvidenceSelector] {
        guard case .sequence(let entries) = node else {
            nodes.report(node, "\(context): `evidence` must be a list of `- section: …` entries")
            return []
        }
        return entries.compactMap { entry in
            guard let fields = nodes.fields(of: entry, allowed: ["section", "match", "limit"], in: "\(context) evidence"),
                let sectionNode = fields["section"]
            else {
                nodes.report(entry, "\(context): each evidence entry needs `section:` (a command line or file path; * matches anything)")
                return nil
            }
            let match = nodes.text(fields["match"], "match", in: context, required: false)
            if let match, (try? NSRegularExpression(pattern: match)) == nil {
                nodes.report(fields["match"], "\(context): evidence `match` '\(match)' is not a valid regular expression")
            }
            let limit = nodes.text(fields["limit"], "limit", in: context, required: false).flatMap(Int.init)
            return EvidenceSelector(sections: nodes.texts(sectionNode, "section", in: context), match: match,
                                    limit: limit ?? EvidenceSelector.defaultLimit)
        }
    }

    private mutating func ruleTests(_ node: Node, in context: String) -> [RuleTest] {
        guard case .sequence(let entries) = node else {
            nodes.report(node, "\(context): `tests` must be a list of `- scenario: …` or `- facts: …` entries")
            return []
        }
        return entries.compactMap { entry in
            guard let fields = nodes.fields(of: entry, allowed: ["scenario", "facts", "fires"], in: "\(context) test") else { return nil }
            let location = nodes.location(entry)
            guard let firesNode = fields["fires"] else {
                nodes.report(entry, "\(context): the test needs `fires: true` or `fires: false`")
                return nil
            }
            guard let fires = nodes.bool(firesNode, "fires", in: "\(context) test") else { return nil }
            switch (fields["scenario"], fields["facts"]) {
            case (let scenario?, nil):
                return nodes.text(scenario, "scenario", in: context).map { RuleTest(subject: .scenario($0), fires: fires, location: location) }
            case (nil, let facts?):
                return RuleTest(subject: .facts(YAMLFacts.value(of: facts)), fires: fires, location: location)
            default:
                nodes.report(entry, "\(context): each test has exactly one of `scenario:` and `facts:`, and `fires: true|false`")
                return nil
            }
        }
    }
}
