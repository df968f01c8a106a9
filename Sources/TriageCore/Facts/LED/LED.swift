/// One LED under `/sys/class/leds/`, with what its name says and what it shows.
public struct LED: Sendable, Hashable, Codable {
    /// The sysfs name, e.g. `green:wlan`, `apu2:green:power`, `rt2800pci-phy0::radio`.
    public var name: String
    /// The device part of a three-part name (`apu2` in `apu2:green:power`).
    public var device: String?
    public var colour: String?
    /// What the LED is for: `wlan`, `power`, `internet`, …
    public var function: String?
    public var brightness: Int?
    public var maxBrightness: Int?
    /// The trigger in brackets in the `trigger` file (`none`, `netdev`, `phy0radio`, …).
    public var activeTrigger: String?
    /// The trigger `uci show system` configures for this LED (matched by its `sysfs` option).
    public var configuredTrigger: String?

    public init(name: String) {
        self.name = name
        let parts = LEDName(name)
        device = parts.device
        colour = parts.colour
        function = parts.function
    }

    /// Whether the LED is lit at all; `nil` when its brightness is unknown.
    public var isLit: Bool? {
        brightness.map { $0 > 0 }
    }
}
