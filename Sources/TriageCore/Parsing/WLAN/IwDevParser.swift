/// Parses `iw dev`: every named interface under its `phy#N` header.
///
/// ```
/// phy#0
///         Interface phy0-ap0
///                 ifindex 7
///                 ssid OpenWrt
///                 type AP
///                 channel 36 (5180 MHz), width: 80 MHz, center1: 5210 MHz
///                 txpower 23.00 dBm
/// ```
///
/// Blocks without a name (`Unnamed/non-netdev interface`, P2P devices) are skipped, as the
/// probe contract skips them.
public enum IwDevParser {
    public static let subject = "iw dev"

    public static func parse(_ text: String, subject: String = subject) -> ParseResult<[WLANInterface]> {
        var warnings = WarningCollector(section: subject)
        let interfaces = readBlocks(text, defaultName: nil, warnings: &warnings)
        return warnings.result(interfaces)
    }

    /// The shared block reader. `defaultName` names an interface whose attributes come without an
    /// `Interface` line (used by `iw dev <if> info`, where the name is known from the command).
    static func readBlocks(
        _ text: String, defaultName: String?, warnings: inout WarningCollector
    ) -> [WLANInterface] {
        var interfaces: [WLANInterface] = []
        var current: WLANInterface?
        var wiphy: Int?
        var skippingUnnamed = false
        func finish() {
            if let done = current { interfaces.append(done) }
            current = nil
        }
        for line in TextLines.numbered(text) {
            let trimmed = line.trimmed
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("phy#") {
                finish()
                skippingUnnamed = false
                wiphy = NumberScanning.leadingInt(trimmed.dropFirst(4))
                if wiphy == nil { warnings.add("unreadable phy header '\(trimmed)'", line: line.number) }
            } else if trimmed.hasPrefix("Interface ") || trimmed.hasPrefix("Interface\t") {
                finish()
                skippingUnnamed = false
                let name = trimmed.dropFirst("Interface".count).trimmingBlanks()
                var interface = WLANInterface(name: String(name))
                interface.wiphy = wiphy
                current = interface
            } else if trimmed.hasPrefix("Unnamed/non-netdev interface") {
                finish()
                skippingUnnamed = true
            } else if var interface = current {
                IwInterfaceAttributes.apply(line, to: &interface, warnings: &warnings)
                current = interface
            } else if let defaultName, interfaces.isEmpty, !skippingUnnamed {
                var interface = WLANInterface(name: defaultName)
                warnings.add("no 'Interface' line; reading the attributes as \(defaultName)'s", line: line.number)
                IwInterfaceAttributes.apply(line, to: &interface, warnings: &warnings)
                current = interface
            } else if !skippingUnnamed {
                warnings.add("line outside any interface: '\(trimmed.prefix(80))'", line: line.number)
            }
        }
        finish()
        return interfaces
    }
}
