public import Foundation

/// The knowledge base in force: the rules shipped in `Rules/`, with an operator's folder laid over
/// them (a rule of the same id replaces the shipped one; `enabled: false` switches it off).
public struct RuleBook: Sendable {
    /// Enabled rules, stage 1 first, each stage in file order.
    public let rules: [Rule]
    /// Ids of shipped rules an operator's rule replaced or switched off.
    public let overridden: [String]

    public init(rules: [Rule], overridden: [String] = []) {
        self.rules = rules.filter(\.isEnabled).enumerated()
            .sorted { ($0.element.stage, $0.offset) < ($1.element.stage, $1.offset) }.map(\.element)
        self.overridden = overridden
    }

    /// The shipped rules, plus the operator's from `operatorDirectory` (`--rules-dir`, `$TRIAGE_RULES_DIR`).
    public static func load(operatorDirectory: URL? = nil) throws -> RuleBook {
        let shipped = try BundledResources.requireDirectory(named: "Rules")
        return try load(directories: [shipped] + (operatorDirectory.map { [$0] } ?? []))
    }

    /// Later directories override earlier ones by rule id. Every problem of every file is reported at once.
    public static func load(directories: [URL]) throws(RuleBookError) -> RuleBook {
        var problems: [RuleProblem] = []
        var byID: [String: Rule] = [:]
        var order: [String] = []
        var overridden: [String] = []
        for directory in directories {
            let (rules, found) = read(directory: directory)
            problems += found
            var seenHere: [String: RuleLocation] = [:]
            for rule in rules {
                if let first = seenHere[rule.id] {
                    problems.append(RuleProblem(location: rule.origin, message: "rule id '\(rule.id)' is already used at \(first)"))
                    continue
                }
                seenHere[rule.id] = rule.origin
                if byID[rule.id] != nil { overridden.append(rule.id) } else { order.append(rule.id) }
                if !rule.isEnabled, byID[rule.id] == nil {
                    problems.append(RuleProblem(location: rule.origin, message: "'\(rule.id)' is switched off, but no earlier rule has that id"))
                }
                byID[rule.id] = rule
            }
        }
        guard problems.isEmpty else { throw RuleBookError(problems: problems) }
        return RuleBook(rules: order.compactMap { byID[$0] }, overridden: overridden)
    }

    /// The rules of every `*.yaml`/`*.yml` file in `directory`, by file name.
    public static func read(directory: URL) -> (rules: [Rule], problems: [RuleProblem]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return ([], [RuleProblem(location: RuleLocation(file: directory.path), message: "not a readable folder of rule files")])
        }
        var rules: [Rule] = []
        var problems: [RuleProblem] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let file = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                problems.append(RuleProblem(location: RuleLocation(file: file.path), message: "can't be read as UTF-8 text"))
                continue
            }
            let result = RuleFileReader.read(text, file: file.path)
            rules += result.rules
            problems += result.problems
        }
        return (rules, problems)
    }
}
