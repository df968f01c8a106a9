/// The system sections of protocol version 2 about the device's own limits and resets, by subject:
/// thermal zone types and trip points, hwmon sensors, the boot id, watchdogs and pstore.
enum LimitSection: Equatable {
    case zoneType(zone: String)
    case tripTemperature(zone: String, trip: Int)
    case tripType(zone: String, trip: Int)
    case hwmonName(chip: String)
    /// `temp<M>_input`, `_crit` or `_max` of `hwmon<N>`: `sensor` is `temp<M>`.
    case hwmonTemperature(chip: String, sensor: String, attribute: String)
    case bootID
    case watchdog(device: String, attribute: String)
    case pstoreListing
    case pstoreRecord(file: String)

    static let bootIDPath = "/proc/sys/kernel/random/boot_id"

    init?(_ section: ProbeSection) {
        guard section.kind == .file else { return nil }
        let path = section.subject
        if path == Self.bootIDPath {
            self = .bootID
        } else if path == "/sys/fs/pstore/" || path == "/sys/fs/pstore" {
            self = .pstoreListing
        } else if let parts = Self.parts(path, under: "/sys/class/thermal/") {
            guard let kind = Self.thermal(parts) else { return nil }
            self = kind
        } else if let parts = Self.parts(path, under: "/sys/class/hwmon/") {
            guard let kind = Self.hwmon(parts) else { return nil }
            self = kind
        } else if let parts = Self.parts(path, under: "/sys/class/watchdog/"), parts[0].hasPrefix("watchdog") {
            self = .watchdog(device: parts[0], attribute: parts[1])
        } else if let parts = Self.parts(path, under: "/sys/fs/"), parts[0] == "pstore", parts[1].hasPrefix("dmesg-") {
            self = .pstoreRecord(file: parts[1])
        } else {
            return nil
        }
    }

    /// The two path components after `prefix`, or `nil` for other paths.
    private static func parts(_ path: String, under prefix: String) -> [String]? {
        guard path.hasPrefix(prefix) else { return nil }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty ? parts : nil
    }

    /// `thermal_zone<N>/type`, `thermal_zone<N>/trip_point_<M>_temp`, `…_type` (`temp` is `SystemSection`'s).
    private static func thermal(_ parts: [String]) -> LimitSection? {
        let (zone, file) = (parts[0], parts[1])
        guard zone.hasPrefix("thermal_zone") else { return nil }
        if file == "type" { return .zoneType(zone: zone) }
        guard file.hasPrefix("trip_point_") else { return nil }
        let rest = file.dropFirst("trip_point_".count)
        guard let trip = Int(rest.prefix { $0.isNumber }) else { return nil }
        switch rest.drop(while: \.isNumber) {
        case "_temp": return .tripTemperature(zone: zone, trip: trip)
        case "_type": return .tripType(zone: zone, trip: trip)
        default: return nil
        }
    }

    /// `hwmon<N>/name`, `hwmon<N>/temp<M>_{input,crit,max}`.
    private static func hwmon(_ parts: [String]) -> LimitSection? {
        let (chip, file) = (parts[0], parts[1])
        guard chip.hasPrefix("hwmon") else { return nil }
        if file == "name" { return .hwmonName(chip: chip) }
        guard file.hasPrefix("temp"), let underscore = file.firstIndex(of: "_") else { return nil }
        let attribute = String(file[file.index(after: underscore)...])
        guard ["input", "crit", "max"].contains(attribute) else { return nil }
        return .hwmonTemperature(chip: chip, sensor: String(file[..<underscore]), attribute: attribute)
    }
}
