/// One client of a hostapd instance.
public struct HostapdClient: Sendable, Hashable, Codable {
    public var macAddress: String
    public var authenticated: Bool?
    public var associated: Bool?
    /// Passed the 4-way handshake (or open network): it can send data.
    public var authorized: Bool?
    public var signalDBm: Int?
    /// hostapd reports rates in kbit/s (`72200` is 72.2 Mbit/s).
    public var rxRateKbps: Int?
    public var txRateKbps: Int?

    public init(macAddress: String) {
        self.macAddress = macAddress
    }
}
