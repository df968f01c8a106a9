/// One `led` section of `uci show system`: how OpenWrt is told to drive an LED.
public struct ConfiguredLED: Sendable, Hashable, Codable {
    /// The uci section: `led_wlan`, or `@led[0]` for anonymous sections.
    public var section: String
    /// The human label (`name`), e.g. `WLAN`.
    public var name: String?
    /// The LED's sysfs name (`sysfs`), e.g. `green:wlan`.
    public var sysfs: String?
    public var trigger: String?
    /// The network device of a `netdev` trigger (`dev`).
    public var device: String?
    /// The `netdev` trigger's mode, e.g. `link tx rx`.
    public var mode: String?
    /// `default`: the state before a trigger takes over.
    public var defaultOn: Bool?

    public init(section: String) {
        self.section = section
    }
}
