/// What one hostapd instance reports: its clients (`ubus call hostapd.<if> get_clients`) and its own
/// state of the interface (`ubus call hostapd.<if> get_status`).
public struct HostapdInterface: Sendable, Hashable, Codable {
    /// The ubus object, e.g. `hostapd.wlan1`.
    public var object: String
    /// The interface part of the object name, e.g. `wlan1`.
    public var interface: String
    public var frequencyMHz: Int?
    public var clients: [HostapdClient]
    /// hostapd's interface state (`get_status` `status`): `ENABLED`, `DISABLED`, `UNINITIALIZED`,
    /// `COUNTRY_UPDATE`, `ACS`, `HT_SCAN`, `DFS`, `NO_IR`, `UNKNOWN`; `nil` where hostapd has no
    /// `get_status` (OpenWrt before 21.02) or it was not read.
    public var state: String?
    public var channel: Int?
    /// The phy hostapd runs the interface on, e.g. `phy0`.
    public var phy: String?
    /// `get_status` `dfs`: a channel availability check is running, its length and what is left of it.
    public var cacActive: Bool?
    public var cacSeconds: Int?
    public var cacSecondsLeft: Int?
    /// `get_status` `airtime.utilization`: the channel's busy share as hostapd measured it (0–255).
    public var channelUtilization: Int?

    public init(object: String, interface: String, frequencyMHz: Int? = nil, clients: [HostapdClient] = []) {
        self.object = object
        self.interface = interface
        self.frequencyMHz = frequencyMHz
        self.clients = clients
    }

    /// Takes the state `get_status` reported into this interface's `get_clients` entry.
    mutating func takeStatus(from status: HostapdInterface) {
        state = status.state ?? state
        channel = status.channel ?? channel
        phy = status.phy ?? phy
        cacActive = status.cacActive ?? cacActive
        cacSeconds = status.cacSeconds ?? cacSeconds
        cacSecondsLeft = status.cacSecondsLeft ?? cacSecondsLeft
        channelUtilization = status.channelUtilization ?? channelUtilization
        frequencyMHz = frequencyMHz ?? status.frequencyMHz
    }
}
