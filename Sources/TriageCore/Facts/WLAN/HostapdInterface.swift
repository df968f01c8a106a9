/// What one hostapd instance reports (`ubus call hostapd.<if> get_clients`).
public struct HostapdInterface: Sendable, Hashable, Codable {
    /// The ubus object, e.g. `hostapd.wlan1`.
    public var object: String
    /// The interface part of the object name, e.g. `wlan1`.
    public var interface: String
    public var frequencyMHz: Int?
    public var clients: [HostapdClient]

    public init(object: String, interface: String, frequencyMHz: Int? = nil, clients: [HostapdClient] = []) {
        self.object = object
        self.interface = interface
        self.frequencyMHz = frequencyMHz
        self.clients = clients
    }
}
