/// Parses the listing of `/sys/class/ieee80211/`: the wireless phys the kernel registered
/// (`phy0`, `phy1`, or custom names like `wl1`), one per line, as the probes print it.
///
/// An empty listing is a strong fact: no radio hardware was probed by a driver.
public enum IEEE80211ListingParser {
    public static let subject = "/sys/class/ieee80211/"

    public static func parse(_ text: String, subject: String = subject) -> ParseResult<[String]> {
        // `ls -p` marks folders with a trailing slash; the name is the same without it.
        let unmarked = TextLines.numbered(text)
            .map { $0.trimmed.hasSuffix("/") ? String($0.trimmed.dropLast()) : String($0.trimmed) }
            .joined(separator: "\n")
        return NameListParser.parse(unmarked, subject: subject, extraCharacters: "._-", noun: "phy name")
    }
}
