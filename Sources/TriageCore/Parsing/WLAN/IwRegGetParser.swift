/// Parses `iw reg get`: the global regulatory domain and those that phys manage themselves.
///
/// ```
/// global
/// country DE: DFS-ETSI
///         (2400 - 2483 @ 40), (N/A, 20), (N/A)
///         (5250 - 5350 @ 80), (N/A, 20), (0 ms), NO-OUTDOOR, DFS, AUTO-BW
///
/// phy#1 (self-managed)
/// country US: DFS-FCC
///         (5170 - 5250 @ 80), (N/A, 23), (N/A), AUTO-BW
/// ```
/// iw before 4.0 prints one `country` block without the `global` line: it is read as global.
public enum IwRegGetParser {
    public static let subject = "iw reg get"

    public static func parse(_ text: String, subject: String = subject) -> ParseResult<[RegulatoryDomain]> {
        .reading(subject) { warnings in
            var domains: [RegulatoryDomain] = []
            var scope = "global"
            var selfManaged = false
            for line in TextLines.numbered(text) {
                let trimmed = line.trimmed
                if trimmed.isEmpty { continue }
                if trimmed == "global" {
                    (scope, selfManaged) = ("global", false)
                } else if trimmed.hasPrefix("phy#") {
                    let words = trimmed.split(separator: " ")
                    (scope, selfManaged) = (String(words[0]), trimmed.contains("(self-managed)"))
                } else if trimmed.hasPrefix("country ") {
                    domains.append(domain(trimmed, scope: scope, selfManaged: selfManaged))
                } else if trimmed.hasPrefix("("), !domains.isEmpty, let rule = RegulatoryRuleLine.parse(trimmed) {
                    domains[domains.count - 1].rules.append(rule)
                } else {
                    warnings.add("not a regulatory line: '\(trimmed.prefix(80))'", line: line.number)
                }
            }
            if domains.isEmpty, text.contains(where: { !$0.isWhitespace }) { warnings.add("no 'country' line") }
            return domains
        }
    }

    /// `country DE: DFS-ETSI` (older iw: `country 00:` with nothing after the colon).
    private static func domain(_ line: Substring, scope: String, selfManaged: Bool) -> RegulatoryDomain {
        let rest = line.dropFirst("country ".count)
        let country = rest.prefix { $0 != ":" && $0 != " " }
        let region = rest.drop { $0 != ":" }.dropFirst().trimmingBlanks()
        return RegulatoryDomain(
            scope: scope, selfManaged: selfManaged, country: String(country).uppercased(),
            dfsRegion: region.isEmpty ? nil : String(region))
    }
}
