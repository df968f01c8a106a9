/// The parts of a Linux LED name: `devicename:colour:function` (Documentation/leds/leds-class),
/// or `colour:function` as OpenWrt's device trees name them. Parts may be empty
/// (`rt2800pci-phy0::radio` has no colour).
struct LEDName {
    var device: String?
    var colour: String?
    var function: String?

    init(_ name: String) {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func nonEmpty(_ part: String?) -> String? {
            guard let part, !part.isEmpty else { return nil }
            return part
        }
        switch parts.count {
        case 1:
            function = nonEmpty(parts.first)
        case 2:
            colour = nonEmpty(parts.first)
            function = nonEmpty(parts.last)
        default:
            // A device name may hold colons itself (`mdio-bus:00:green:lan`): colour and
            // function are the last two parts.
            function = nonEmpty(parts.last)
            colour = nonEmpty(parts.dropLast().last)
            device = nonEmpty(parts.dropLast(2).joined(separator: ":"))
        }
    }
}
