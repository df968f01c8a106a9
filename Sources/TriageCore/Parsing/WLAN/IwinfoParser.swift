/// Parses `iwinfo` (all interfaces) or `iwinfo <if> info`: one block per interface.
///
/// ```
/// wlan1     ESSID: "TRIBU"
///           Access Point: F0:AD:4E:10:0E:C3
///           Mode: Master  Channel: 3 (2.422 GHz)  HT Mode: HT20
///           Tx-Power: 15 dBm  Link Quality: 47/70
///           Signal: -63 dBm  Noise: -92 dBm
///           Encryption: WPA2 PSK (CCMP)
///           Hardware: 1B4B:2B42 0000:0000 [Generic MAC80211]
///           Supports VAPs: yes  PHY name: phy1
/// ```
///
/// A block starts with an unindented line holding `ESSID:`; indented lines hold one or more
/// `Key: value` fields separated by two or more blanks. Vendor builds leave out quotes and
/// units (`ESSID:   MiShareWiFi_F8FB`, `Noise: -95`), and `unknown` means not known.
public enum IwinfoParser {
    public static let subject = "iwinfo"

    public static func parse(_ text: String, subject: String = subject) -> ParseResult<[WLANInterface]> {
        var warnings = WarningCollector(section: subject)
        var interfaces: [WLANInterface] = []
        var current: WLANInterface?
        for line in TextLines.numbered(text) {
            let trimmed = line.trimmed
            if trimmed.isEmpty { continue }
            let indented = line.text.first == " " || line.text.first == "\t"
            if !indented, let essid = trimmed.firstRange(of: "ESSID:") {
                if let done = current { interfaces.append(done) }
                var interface = WLANInterface(name: String(trimmed[..<essid.lowerBound].trimmingBlanks()))
                interface.ssid = essidValue(trimmed[essid.upperBound...].trimmingBlanks())
                current = interface
            } else if var interface = current, indented {
                for field in fields(of: trimmed) {
                    apply(field, line: line.number, to: &interface, warnings: &warnings)
                }
                current = interface
            } else {
                warnings.add("line outside any interface: '\(trimmed.prefix(80))'", line: line.number)
            }
        }
        if let done = current { interfaces.append(done) }
        return warnings.result(interfaces)
    }

    /// `"AIRTIMEFAIRTEST2"` → AIRTIMEFAIRTEST2; an unquoted `unknown` is no SSID at all.
    private static func essidValue(_ value: Substring) -> String? {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast())
        }
        return value.isEmpty || value == "unknown" ? nil : String(value)
    }

    /// Splits "Mode: Master  Channel: 1 (2.412 GHz)" into its `Key: value` fields: fields are
    /// separated by a tab or two or more spaces, and a field's key ends at its first colon.
    private static func fields(of line: Substring) -> [(key: Substring, value: Substring)] {
        chunks(of: line).compactMap { chunk in
            guard let colon = chunk.firstIndex(of: ":") else { return nil }
            return (chunk[..<colon].trimmingBlanks(), chunk[chunk.index(after: colon)...].trimmingBlanks())
        }
    }

    /// `line.split(separator: /\t+| {2,}/)`, without a regex built for every line (that cost
    /// more than the rest of the parse): the parts between runs of tabs or of two or more spaces.
    static func chunks(of line: Substring) -> [Substring] {
        let bytes = line.utf8
        var chunks: [Substring] = []
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            let separator: UInt8? = byte == ASCII.tab ? ASCII.tab
                : byte == ASCII.space && next < bytes.endIndex && bytes[next] == ASCII.space ? ASCII.space : nil
            guard let separator else {
                index = next
                continue
            }
            if start < index { chunks.append(line[start..<index]) }
            index = next
            while index < bytes.endIndex, bytes[index] == separator { index = bytes.index(after: index) }
            start = index
        }
        if start < bytes.endIndex { chunks.append(line[start..<bytes.endIndex]) }
        return chunks
    }

    private static func apply(
        _ field: (key: Substring, value: Substring), line: Int, to interface: inout WLANInterface,
        warnings: inout WarningCollector
    ) {
        let value = field.value
        // `unknown` is iwinfo's word for "the driver did not say"; `unknown [Generic MAC80211]`
        // (Hardware) still says something and is kept.
        if value.isEmpty || value == "unknown" { return }
        switch field.key {
        case "Access Point":
            interface.macAddress = String(value)
        case "Mode":
            interface.type = iwType(forMode: value)
        case "Channel":
            guard let channel = NumberScanning.leadingInt(value) else {
                return warnings.add("unreadable Channel '\(value)'", line: line)
            }
            interface.channel = channel
            // Int(exactly:) and not Int(_:): a garbled frequency must become a warning, not a trap.
            if let gigahertz = NumberScanning.double(after: "(", in: value) {
                if let megahertz = Int(exactly: (gigahertz * 1000).rounded()), (1...100_000).contains(megahertz) {
                    interface.frequencyMHz = megahertz
                } else {
                    warnings.add("implausible channel frequency in '\(value)'", line: line)
                }
            }
        case "HT Mode":
            interface.widthMHz = WLANWidth.megahertz(htmode: value)
        case "Tx-Power":
            interface.txPowerDBm = NumberScanning.leadingDouble(value)
        case "Noise":
            interface.noiseDBm = NumberScanning.leadingInt(value)
        case "Encryption":
            interface.encryption = String(value)
        case "Hardware":
            interface.hardware = String(value)
        case "PHY name":
            interface.phy = String(value)
        default:
            break
        }
    }

    /// iwinfo's mode words in `iw`'s vocabulary, so that both tools' facts compare.
    static func iwType(forMode mode: Substring) -> String {
        switch mode {
        case "Master": return "AP"
        case "Master (VLAN)": return "AP/VLAN"
        case "Client": return "managed"
        case "Ad-Hoc": return "IBSS"
        case "Mesh Point": return "mesh point"
        case "Monitor": return "monitor"
        case "P2P Client": return "P2P-client"
        case "P2P Go": return "P2P-GO"
        default: return String(mode)
        }
    }
}
