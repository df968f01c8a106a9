/// Reads `/sys/class/thermal/thermal_zone<N>/temp`.
enum ThermalZoneParser {
    static let prefix = "/sys/class/thermal/"

    /// The zone name (`thermal_zone0`) of a `…/thermal_zone<N>/temp` path, or `nil` for other paths.
    static func zone(of subject: String) -> String? {
        guard subject.hasPrefix(prefix), subject.hasSuffix("/temp") else { return nil }
        let parts = subject.dropFirst(prefix.count).split(separator: "/")
        guard parts.count == 2, let zone = parts.first, zone.hasPrefix("thermal_zone") else { return nil }
        return String(zone)
    }

    /// Degrees Celsius. The kernel ABI is millidegrees; a few vendor drivers print whole degrees, and no
    /// router runs at below 0.2 °C or above 200 °C, so a magnitude under 200 is taken as degrees.
    static func parse(_ text: String, subject: String) -> ParseResult<Double?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> Double? {
        let value = String(text.trimmingBlanksAndNewlines())
        guard let number = Int(value) else {
            warnings.add(value.isEmpty ? "empty" : "'\(value)' is not a number", line: 1)
            return nil
        }
        return number.magnitude < 200 ? Double(number) : Double(number) / 1000
    }
}
