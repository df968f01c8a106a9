/// One netifd logical interface (`lan`, `wan`, `wan6`), from `ubus call network.interface dump`.
public struct LogicalInterface: Sendable, Hashable, Codable {
    public var name: String
    public var isUp: Bool?
    /// netifd is still bringing it up (e.g. PPPoE waiting for the server).
    public var isPending: Bool?
    /// The device under it exists.
    public var isAvailable: Bool?
    /// `static`, `dhcp`, `dhcpv6`, `pppoe`, …
    public var proto: String?
    /// The configured device and the device carrying layer 3 (differs for PPPoE: `eth0.2` vs `pppoe-wan`).
    public var device: String?
    public var l3Device: String?
    public var uptimeSeconds: Int?
    /// netifd's error codes (`AUTH_FAILED`, `NO_DEVICE`, …), as `subsystem: code`.
    public var errors: [String]
    /// Addresses with prefix length, e.g. `192.168.1.1/24`.
    public var ipv4Addresses: [String]
    public var ipv6Addresses: [String]
    public var dnsServers: [String]
    /// The next hop of the interface's default route (`0.0.0.0/0`, `::/0`), where netifd installed one.
    public var ipv4DefaultGateway: String?
    public var ipv6DefaultGateway: String?

    public init(
        name: String,
        isUp: Bool? = nil,
        isPending: Bool? = nil,
        isAvailable: Bool? = nil,
        proto: String? = nil,
        device: String? = nil,
        l3Device: String? = nil,
        uptimeSeconds: Int? = nil,
        errors: [String] = [],
        ipv4Addresses: [String] = [],
        ipv6Addresses: [String] = [],
        dnsServers: [String] = [],
        ipv4DefaultGateway: String? = nil,
        ipv6DefaultGateway: String? = nil
    ) {
        self.name = name
        self.isUp = isUp
        self.isPending = isPending
        self.isAvailable = isAvailable
        self.proto = proto
        self.device = device
        self.l3Device = l3Device
        self.uptimeSeconds = uptimeSeconds
        self.errors = errors
        self.ipv4Addresses = ipv4Addresses
        self.ipv6Addresses = ipv6Addresses
        self.dnsServers = dnsServers
        self.ipv4DefaultGateway = ipv4DefaultGateway
        self.ipv6DefaultGateway = ipv6DefaultGateway
    }
}
