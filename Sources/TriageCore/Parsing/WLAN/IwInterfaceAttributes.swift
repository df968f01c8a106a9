/// Reads the attribute lines of an `iw` interface block (`iw dev` and `iw dev <if> info` print
/// the same block), whatever the indentation.
enum IwInterfaceAttributes {
    /// Applies one trimmed attribute line to `interface`. Unknown keys are extra fields of newer
    /// `iw` versions (`multicast TXQ`, `4addr`, …) and are skipped without a warning.
    static func apply(_ line: TextLines.Line, to interface: inout WLANInterface, warnings: inout WarningCollector) {
        let trimmed = line.trimmed
        let key = trimmed.prefix { $0 != " " && $0 != "\t" }
        let value = trimmed.dropFirst(key.count).trimmingBlanks()
        switch key {
        case "addr":
            interface.macAddress = value.isEmpty ? nil : String(value)
        case "ssid":
            interface.ssid = String(value)
        case "type":
            interface.type = value.isEmpty ? nil : String(value)
        case "wiphy":
            guard let wiphy = NumberScanning.leadingInt(value) else {
                return warnings.add("unreadable wiphy '\(value)'", line: line.number)
            }
            interface.wiphy = wiphy
        case "channel":
            readChannel(value, line: line.number, into: &interface, warnings: &warnings)
        case "txpower":
            guard let power = NumberScanning.leadingDouble(value) else {
                return warnings.add("unreadable txpower '\(value)'", line: line.number)
            }
            interface.txPowerDBm = power
        default:
            break
        }
    }

    /// "100 (5500 MHz), width: 160 MHz, center1: 5570 MHz"; a second `channel` line (per MLO
    /// link) does not replace the first.
    private static func readChannel(
        _ value: Substring, line: Int, into interface: inout WLANInterface, warnings: inout WarningCollector
    ) {
        guard interface.channel == nil else { return }
        guard let channel = NumberScanning.leadingInt(value) else {
            return warnings.add("unreadable channel '\(value)'", line: line)
        }
        interface.channel = channel
        interface.frequencyMHz = NumberScanning.int(after: "(", in: value)
        interface.widthMHz = NumberScanning.int(after: "width:", in: value)
        interface.centerFrequencyMHz = NumberScanning.int(after: "center1:", in: value)
    }
}
