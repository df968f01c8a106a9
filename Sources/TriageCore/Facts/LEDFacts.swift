/// LED facts. Placeholder: filled in by the parsers issue.
public struct LEDFacts: Sendable, Hashable, Codable {
    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {}
}
