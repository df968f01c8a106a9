/// What a correct diagnosis of the scenario concludes (`expect` in scenario.yaml).
public struct ScenarioExpectation: Sendable, Hashable {
    public var verdict: Verdict
    /// Components that must have at least one finding.
    public var components: [Component]

    public init(verdict: Verdict, components: [Component]) {
        self.verdict = verdict
        self.components = components
    }

    /// The verdicts of the decision policy (Docs/verdict-policy.md).
    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        case healthy, remediable, replace, escalate
    }

    /// The probe areas of the contract, plus `transport` for what SSH itself shows
    /// (unreachable, host key changed, authentication refused, not SSH at all).
    public enum Component: String, Sendable, Hashable, CaseIterable {
        case wlan, link, led, system, transport
    }
}
