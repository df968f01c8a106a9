/// Parses `iw dev <if> station dump`: one block per station.
///
/// ```
/// Station 8c:be:be:f5:8f:59 (on wlan0)
///         inactive time:  120 ms
///         tx failed:      0
///         signal:         -57 [-62, -59] dBm
/// ```
///
/// Keys and values are split at the first colon, so tab, space and no separator at all
/// (`beacon interval:100`) read alike. Empty output is normal: no station is connected.
public enum IwStationDumpParser {
    /// `iw dev <interface> station dump`
    public static func subject(interface: String) -> String { "iw dev \(interface) station dump" }

    public static func parse(_ text: String, interface: String) -> ParseResult<[WLANStation]> {
        var warnings = WarningCollector(section: subject(interface: interface))
        var stations: [WLANStation] = []
        var current: WLANStation?
        for line in TextLines.numbered(text) {
            let trimmed = line.trimmed
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("Station ") {
                if let done = current { stations.append(done) }
                current = header(trimmed, defaultInterface: interface)
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                warnings.add("unreadable line '\(trimmed.prefix(80))'", line: line.number)
                continue
            }
            if current == nil {
                // Some pastes and drivers give the attributes without the header: keep them.
                warnings.add("station attributes without a 'Station' line; MAC address unknown", line: line.number)
                current = WLANStation(interface: interface)
            }
            if var station = current {
                let key = trimmed[..<colon].trimmingBlanks()
                let value = trimmed[trimmed.index(after: colon)...].trimmingBlanks()
                apply(key: key, value: value, line: line.number, to: &station, warnings: &warnings)
                current = station
            }
        }
        if let done = current { stations.append(done) }
        return warnings.result(stations)
    }

    /// "Station 10:6f:3f:0e:31:8f (on wlan0)"
    private static func header(_ line: Substring, defaultInterface: String) -> WLANStation {
        let rest = line.dropFirst("Station ".count).trimmingBlanks()
        let mac = rest.prefix { $0 != " " && $0 != "\t" }
        var interface = defaultInterface
        if let on = rest.firstRange(of: "(on "), let close = rest[on.upperBound...].firstIndex(of: ")") {
            interface = String(rest[on.upperBound..<close])
        }
        return WLANStation(macAddress: String(mac), interface: interface)
    }

    private static func apply(
        key: Substring, value: Substring, line: Int, to station: inout WLANStation, warnings: inout WarningCollector
    ) {
        func int() -> Int? {
            let number = NumberScanning.leadingInt(value)
            if number == nil { warnings.add("unreadable \(key) '\(value)'", line: line) }
            return number
        }
        func double() -> Double? {
            let number = NumberScanning.leadingDouble(value)
            if number == nil, !value.hasPrefix("unknown") { warnings.add("unreadable \(key) '\(value)'", line: line) }
            return number
        }
        func flag() -> Bool? {
            switch value {
            case "yes": return true
            case "no": return false
            default:
                warnings.add("unreadable \(key) '\(value)'", line: line)
                return nil
            }
        }
        switch key {
        case "inactive time": station.inactiveMilliseconds = int()
        case "signal": station.signalDBm = int()
        case "signal avg": station.signalAverageDBm = int()
        case "tx retries": station.txRetries = int()
        case "tx failed": station.txFailed = int()
        case "rx packets": station.rxPackets = int()
        case "tx packets": station.txPackets = int()
        case "tx bitrate": station.txBitrateMbps = double()
        case "rx bitrate": station.rxBitrateMbps = double()
        case "connected time": station.connectedSeconds = int()
        case "authorized": station.authorized = flag()
        case "associated": station.associated = flag()
        default: break
        }
    }
}
