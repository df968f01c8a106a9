/// One entry of the knowledge base: when its condition holds on a device's facts, it makes one
/// finding, which calls for one verdict. Rules are data (Rules/*.yaml, Docs/knowledge-base.md).
public struct Rule: Sendable, Hashable {
    public var id: String
    public var title: String
    public var component: Component
    /// The condition as written, and as read.
    public var whenText: String
    public var when: RuleExpression
    /// Stage 1 rules see the facts; stage 2 rules also see `findings`, what stage 1 found.
    public var stage: Int
    public var code: String
    public var severity: Severity
    public var message: MessageTemplate
    public var evidence: [EvidenceSelector]
    public var verdict: Verdict
    /// A security finding (host key changed) decides the verdict over every other finding.
    public var isSecurity: Bool
    public var remedy: String?
    public var reference: String?
    /// Why the rule decides as it does, for the next reader (third level).
    public var why: String?
    /// `enabled: false` in an operator's file switches off the shipped rule of that id.
    public var isEnabled: Bool
    public var tests: [RuleTest]
    public var origin: RuleLocation

    public init(id: String, title: String, component: Component, whenText: String, when: RuleExpression, stage: Int = 1,
                code: String, severity: Severity, message: MessageTemplate, evidence: [EvidenceSelector] = [],
                verdict: Verdict, isSecurity: Bool = false, remedy: String? = nil, reference: String? = nil,
                why: String? = nil, isEnabled: Bool = true, tests: [RuleTest] = [], origin: RuleLocation) {
        self.id = id
        self.title = title
        self.component = component
        self.whenText = whenText
        self.when = when
        self.stage = stage
        self.code = code
        self.severity = severity
        self.message = message
        self.evidence = evidence
        self.verdict = verdict
        self.isSecurity = isSecurity
        self.remedy = remedy
        self.reference = reference
        self.why = why
        self.isEnabled = isEnabled
        self.tests = tests
        self.origin = origin
    }
}

/// Where something in a rule file is: `file:line:column`, as editors and compilers write it.
public struct RuleLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }
}
