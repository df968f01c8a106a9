/// One wireless network interface, as `iw dev`, `iw dev <if> info` and `iwinfo` show it.
///
/// Every field is optional: drivers and tool versions leave different lines out (no `txpower`
/// on mt76 of 2018, no `channel` on an interface that is not up or not associated).
public struct WLANInterface: Sendable, Hashable, Codable {
    public var name: String
    /// The wiphy index (`phy#1` in `iw dev`, `wiphy 1` in `iw dev <if> info`).
    public var wiphy: Int?
    /// The phy's name, where a tool prints it (`PHY name: phy1` in `iwinfo`).
    public var phy: String?
    /// In `iw` words: `AP`, `managed`, `AP/VLAN`, `mesh point`, `monitor`, `IBSS`, … (`iwinfo`'s
    /// `Master`, `Client`, … are translated to these).
    public var type: String?
    public var ssid: String?
    public var macAddress: String?
    public var channel: Int?
    public var frequencyMHz: Int?
    public var widthMHz: Int?
    /// `center1` of `iw`: where a 40/80/160 MHz channel is centred.
    public var centerFrequencyMHz: Int?
    public var txPowerDBm: Double?
    /// From `iwinfo`: e.g. `WPA2 PSK (CCMP)`, `none`.
    public var encryption: String?
    /// From `iwinfo`: e.g. `embedded [Qualcomm Atheros IPQ4019]`.
    public var hardware: String?
    public var noiseDBm: Int?

    public init(name: String) {
        self.name = name
    }

    /// Fills the fields still unknown here from `other`, which describes the same interface.
    mutating func fillGaps(from other: WLANInterface) {
        let texts: [WritableKeyPath<WLANInterface, String?>] = [\.phy, \.type, \.ssid, \.macAddress, \.encryption, \.hardware]
        let integers: [WritableKeyPath<WLANInterface, Int?>] = [
            \.wiphy, \.channel, \.frequencyMHz, \.widthMHz, \.centerFrequencyMHz, \.noiseDBm,
        ]
        for field in texts where self[keyPath: field] == nil { self[keyPath: field] = other[keyPath: field] }
        for field in integers where self[keyPath: field] == nil { self[keyPath: field] = other[keyPath: field] }
        txPowerDBm = txPowerDBm ?? other.txPowerDBm
    }
}
