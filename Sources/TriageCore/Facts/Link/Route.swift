/// One route from `ip route` or `ip -6 route`.
public struct Route: Sendable, Hashable, Codable {
    public enum Family: String, Sendable, Hashable, Codable {
        case ipv4
        case ipv6
    }

    public var family: Family
    /// `unicast` unless the line starts with another type (`unreachable`, `blackhole`, `local`, …).
    public var type: String
    /// `default`, a prefix (`192.168.1.0/24`) or a host address.
    public var destination: String
    public var gateway: String?
    public var device: String?
    public var proto: String?
    public var scope: String?
    public var preferredSource: String?
    public var metric: Int?
    /// Flags such as `linkdown`, `onlink`, `dead`: `linkdown` means the device lost its carrier.
    public var flags: [String]
    /// The paths of a multipath route (`nexthop via … dev …` lines); empty for a single path.
    public var nexthops: [RouteNexthop]

    public init(
        family: Family,
        type: String = "unicast",
        destination: String,
        gateway: String? = nil,
        device: String? = nil,
        proto: String? = nil,
        scope: String? = nil,
        preferredSource: String? = nil,
        metric: Int? = nil,
        flags: [String] = [],
        nexthops: [RouteNexthop] = []
    ) {
        self.family = family
        self.type = type
        self.destination = destination
        self.gateway = gateway
        self.device = device
        self.proto = proto
        self.scope = scope
        self.preferredSource = preferredSource
        self.metric = metric
        self.flags = flags
        self.nexthops = nexthops
    }

    /// A route to everywhere: `default`, `0.0.0.0/0` or `::/0`.
    public var isDefault: Bool {
        ["default", "0.0.0.0/0", "::/0"].contains(destination)
    }
}
