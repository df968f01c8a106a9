/// One associated station (client or mesh peer), from `iw dev <if> station dump`.
public struct WLANStation: Sendable, Hashable, Codable {
    /// `nil` when the output lacks the `Station <mac> (on <if>)` header.
    public var macAddress: String?
    public var interface: String?
    public var inactiveMilliseconds: Int?
    public var signalDBm: Int?
    public var signalAverageDBm: Int?
    public var txRetries: Int?
    public var txFailed: Int?
    public var rxPackets: Int?
    public var txPackets: Int?
    public var txBitrateMbps: Double?
    public var rxBitrateMbps: Double?
    public var connectedSeconds: Int?
    public var authorized: Bool?
    public var associated: Bool?

    public init(macAddress: String? = nil, interface: String? = nil) {
        self.macAddress = macAddress
        self.interface = interface
    }
}
