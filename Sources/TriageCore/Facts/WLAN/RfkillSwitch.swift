/// One rfkill switch (`/sys/class/rfkill/<id>/{name,type,soft,hard}`).
public struct RfkillSwitch: Sendable, Hashable, Codable {
    /// The sysfs folder name, e.g. `rfkill0`.
    public var id: String
    /// What it switches, e.g. `phy0`.
    public var name: String?
    /// `wlan`, `bluetooth`, …
    public var type: String?
    /// Blocked by software (`rfkill block`, a Wi-Fi button handled in software): fixable.
    public var softBlocked: Bool?
    /// Blocked by a hardware switch or line: software cannot undo it.
    public var hardBlocked: Bool?

    public init(id: String) {
        self.id = id
    }
}
