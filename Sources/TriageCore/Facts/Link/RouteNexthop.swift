/// One path of a multipath route.
public struct RouteNexthop: Sendable, Hashable, Codable {
    public var gateway: String?
    public var device: String?
    public var weight: Int?
    public var flags: [String]

    public init(gateway: String? = nil, device: String? = nil, weight: Int? = nil, flags: [String] = []) {
        self.gateway = gateway
        self.device = device
        self.weight = weight
        self.flags = flags
    }
}
