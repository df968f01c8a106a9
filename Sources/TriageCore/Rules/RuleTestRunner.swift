/// Runs rules' own tests: each fact snippet or scenario must make the rule fire, or not, as the
/// test says. Scenario facts come from `scenarioFacts` (the CLI probes the scenario locally).
public struct RuleTestRunner: Sendable {
    public typealias ScenarioFacts = @Sendable (String) async throws -> JSONValue

    public let engine: RuleEngine
    public let scenarioFacts: ScenarioFacts?

    public init(book: RuleBook, scenarioFacts: ScenarioFacts? = nil) {
        engine = RuleEngine(book: book)
        self.scenarioFacts = scenarioFacts
    }

    public struct Result: Sendable, Hashable, CustomStringConvertible {
        public enum Outcome: Sendable, Hashable {
            case passed
            case failed(String)
            case skipped(String)
        }

        public var ruleID: String
        public var test: RuleTest
        public var outcome: Outcome

        public var description: String {
            let subject = switch test.subject {
            case .facts: "facts at \(test.location)"
            case .scenario(let id): "scenario \(id) (\(test.location))"
            }
            switch outcome {
            case .passed: return "ok    \(ruleID): \(subject)"
            case .failed(let why): return "FAIL  \(ruleID): \(subject): \(why)"
            case .skipped(let why): return "skip  \(ruleID): \(subject): \(why)"
            }
        }
    }

    /// Every test of every rule in `rules` (by default the whole book), in order.
    public func run(_ rules: [Rule]? = nil) async -> [Result] {
        var cache: [String: Swift.Result<JSONValue, any Error>] = [:]
        var results: [Result] = []
        for rule in rules ?? engine.book.rules {
            for test in rule.tests {
                let document: JSONValue
                switch test.subject {
                case .facts(let facts):
                    document = facts
                case .scenario(let id):
                    guard let scenarioFacts else {
                        results.append(Result(ruleID: rule.id, test: test, outcome: .skipped("no scenario source")))
                        continue
                    }
                    if cache[id] == nil {
                        do { cache[id] = .success(try await scenarioFacts(id)) } catch { cache[id] = .failure(error) }
                    }
                    switch cache[id]! {
                    case .success(let facts): document = facts
                    case .failure(let error):
                        results.append(Result(ruleID: rule.id, test: test, outcome: .failed("the scenario could not be probed: \(error)")))
                        continue
                    }
                }
                let fired = engine.fires(rule, in: document)
                let outcome: Result.Outcome = fired == test.fires
                    ? .passed : .failed(test.fires ? "expected to fire, but `when` does not hold" : "expected not to fire, but it fires")
                results.append(Result(ruleID: rule.id, test: test, outcome: outcome))
            }
        }
        return results
    }
}
