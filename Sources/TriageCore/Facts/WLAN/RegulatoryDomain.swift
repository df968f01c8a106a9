/// One regulatory domain from `iw reg get`: the global one, or one a phy manages itself.
public struct RegulatoryDomain: Sendable, Hashable, Codable {
    /// `global`, or the phy (`phy#0`) whose own domain this is.
    public var scope: String
    /// The phy's driver sets its domain itself (`phy#0 (self-managed)`).
    public var selfManaged: Bool
    /// ISO alpha-2 code, or `00` (world: the most restrictive, usually no country configured),
    /// `98` (intersection), `99` (built by the driver).
    public var country: String
    /// `DFS-ETSI`, `DFS-FCC`, `DFS-JP`, or `DFS-UNSET`.
    public var dfsRegion: String?
    /// `country` is `00`: no country set; 5 GHz is mostly passive or unavailable.
    public var isWorld: Bool
    public var rules: [RegulatoryRule]

    public init(scope: String, selfManaged: Bool = false, country: String, dfsRegion: String? = nil, rules: [RegulatoryRule] = []) {
        self.scope = scope
        self.selfManaged = selfManaged
        self.country = country
        self.dfsRegion = dfsRegion
        isWorld = country == "00"
        self.rules = rules
    }
}
