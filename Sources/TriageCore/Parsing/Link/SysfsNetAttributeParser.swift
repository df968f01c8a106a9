/// Reads the one-value files under `/sys/class/net/<device>/` and `/sys/class/net/<device>/statistics/`.
enum SysfsNetAttributeParser {
    static let root = "/sys/class/net/"

    /// The device and attribute a subject names (`statistics/rx_bytes` for counters), or `nil` for other paths.
    static func location(of subject: String) -> (device: String, attribute: String)? {
        guard subject.hasPrefix(root) else { return nil }
        let parts = subject.dropFirst(root.count).split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 2 where !parts[0].isEmpty: return (String(parts[0]), String(parts[1]))
        case 3 where !parts[0].isEmpty && parts[1] == "statistics": return (String(parts[0]), "statistics/\(parts[2])")
        default: return nil
        }
    }

    /// Sets the attribute's value on `device`; what cannot be read leaves it unset and becomes a warning.
    static func apply(
        _ text: String, attribute: String, to device: inout NetworkDevice, warnings: inout WarningCollector
    ) {
        let value = String(text.trimmingBlanksAndNewlines())
        func warn(_ message: String) {
            warnings.add(message, line: 1)
        }
        guard !value.isEmpty else {
            warn("empty value")
            return
        }
        switch attribute {
        case "operstate": device.operstate = value.lowercased()
        case "duplex": device.duplex = value.lowercased()
        case "address":
            guard isMACAddress(value) else { return warn("'\(value)' is not a MAC address") }
            device.macAddress = value.lowercased()
        case "carrier":
            guard value == "0" || value == "1" else { return warn("carrier '\(value)' is neither 0 nor 1") }
            device.carrier = value == "1"
        case "speed":
            // The kernel prints -1 (or 4294967295 from older drivers) when the speed is unknown, e.g. without a link.
            guard let speed = Int(value) else { return warn("speed '\(value)' is not a number") }
            device.speedMbps = speed > 0 && speed < Int(UInt32.max) ? speed : nil
        case "mtu":
            guard let mtu = Int(value), mtu >= 0 else { return warn("mtu '\(value)' is not a number") }
            device.mtu = mtu
        case "carrier_changes":
            guard let changes = Int(value), changes >= 0 else {
                return warn("carrier_changes '\(value)' is not a number")
            }
            device.carrierChanges = changes
        default:
            guard attribute.hasPrefix("statistics/") else { return }
            guard let count = UInt64(value) else { return warn("counter '\(value)' is not a number") }
            device.counters.set(String(attribute.dropFirst("statistics/".count)), to: count)
        }
    }

    private static func isMACAddress(_ value: String) -> Bool {
        let octets = value.split(separator: ":", omittingEmptySubsequences: false)
        return octets.count >= 6 && octets.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }
}
