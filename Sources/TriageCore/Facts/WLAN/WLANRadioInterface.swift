/// One `wifi-iface` on a radio, from `ubus call network.wireless status`.
///
/// `ifname` is missing when netifd has not brought the interface up (hostapd failed, or the
/// radio is down): a configured interface without an ifname is itself a fact.
public struct WLANRadioInterface: Sendable, Hashable, Codable {
    /// The uci section, e.g. `default_radio0`.
    public var section: String?
    public var ifname: String?
    public var mode: String?
    public var ssid: String?
    public var encryption: String?
    public var networks: [String]
    public var disabled: Bool?

    public init(section: String? = nil, ifname: String? = nil, networks: [String] = []) {
        self.section = section
        self.ifname = ifname
        self.networks = networks
    }
}
