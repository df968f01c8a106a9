/// Link facts. Placeholder: filled in by the parsers issue.
public struct LinkFacts: Sendable, Hashable, Codable {
    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {}
}
