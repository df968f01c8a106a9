/// Reads `/etc/openwrt_release`: shell assignments such as `DISTRIB_RELEASE='23.05.3'`.
enum OpenWrtReleaseParser {
    static func parse(_ text: String, subject: String) -> ParseResult<FirmwareRelease?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> FirmwareRelease? {
        var release = FirmwareRelease()
        var found = false
        let uncommented = TextLines.numbered(text).map { $0.text.hasPrefix("#") ? "" : $0.text }.joined(separator: "\n")
        for (_, name, value) in KeyValueLines.parse(uncommented, separator: "=", subject: subject, warnings: &warnings)
        {
            switch name {
            case "DISTRIB_ID": release.distribution = unquoted(value)
            case "DISTRIB_RELEASE": release.version = unquoted(value)
            case "DISTRIB_REVISION": release.revision = unquoted(value)
            case "DISTRIB_TARGET": release.target = unquoted(value)
            case "DISTRIB_DESCRIPTION": release.description = unquoted(value)
            default: continue
            }
            found = true
        }
        if !found {
            warnings.add("no DISTRIB_ fields")
            return nil
        }
        return release
    }

    /// Strips one pair of matching single or double quotes, as the shell would.
    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first else {
            return value
        }
        return String(value.dropFirst().dropLast())
    }
}
