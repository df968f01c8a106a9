/// System facts. Placeholder: filled in by the parsers issue.
public struct SystemFacts: Sendable, Hashable, Codable {
    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {}
}
