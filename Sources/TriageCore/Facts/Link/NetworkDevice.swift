/// One kernel network device (`eth0`, `br-lan`, `pppoe-wan`), from `/sys/class/net/<name>/…` and `/proc/net/dev`.
public struct NetworkDevice: Sendable, Hashable, Codable {
    public var name: String
    /// The RFC 2863 state the kernel reports: `up`, `down`, `dormant`, `lowerlayerdown`, `unknown`, …
    public var operstate: String?
    /// Whether the physical link is there (cable in, peer up). `nil` when the kernel refused the read,
    /// which it does for devices that are administratively down.
    public var carrier: Bool?
    /// Negotiated speed in Mbit/s; `nil` when unknown (the kernel prints -1 without a link).
    public var speedMbps: Int?
    /// `full`, `half` or `unknown`.
    public var duplex: String?
    public var mtu: Int?
    public var macAddress: String?
    /// How often the carrier changed since boot: hundreds mean a flapping port or cable.
    public var carrierChanges: Int?
    public var counters: DeviceCounters

    public init(
        name: String,
        operstate: String? = nil,
        carrier: Bool? = nil,
        speedMbps: Int? = nil,
        duplex: String? = nil,
        mtu: Int? = nil,
        macAddress: String? = nil,
        carrierChanges: Int? = nil,
        counters: DeviceCounters = DeviceCounters()
    ) {
        self.name = name
        self.operstate = operstate
        self.carrier = carrier
        self.speedMbps = speedMbps
        self.duplex = duplex
        self.mtu = mtu
        self.macAddress = macAddress
        self.carrierChanges = carrierChanges
        self.counters = counters
    }
}
