/// WLAN facts. Placeholder: filled in by the parsers issue.
public struct WLANFacts: Sendable, Hashable, Codable {
    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {}
}
