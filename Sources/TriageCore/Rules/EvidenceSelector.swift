import Foundation

/// Which probe sections (and which of their lines) support a rule's finding.
public struct EvidenceSelector: Sendable, Hashable {
    /// Section subjects (command lines or file paths); `*` matches any run of characters.
    public var sections: [String]
    /// Only lines that match this regular expression; every line when `nil`.
    public var match: String?
    /// At most this many lines per section: evidence is for reading, the full sections are kept anyway.
    public var limit: Int

    public static let defaultLimit = 20

    public init(sections: [String], match: String? = nil, limit: Int = EvidenceSelector.defaultLimit) {
        self.sections = sections
        self.match = match
        self.limit = limit
    }

    /// The evidence these sections give: one entry per matching section that has a matching line.
    public func select(from sections: [ProbeSection]) -> [Evidence] {
        let regex = match.flatMap(RegexCache.regex)
        // Split once per finding, not once per section and pattern (1.3% of a sweep's CPU).
        let patterns = self.sections.map(Glob.init)
        return sections.filter { section in patterns.contains { $0.matches(section.subject) } }
            .compactMap { section in
                var lines = section.output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                if section.isAbsent { lines = ["(absent)"] }
                if let regex {
                    lines = lines.filter { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
                }
                guard !lines.isEmpty else { return nil }
                return Evidence(section: section.subject, lines: Array(lines.suffix(limit)))
            }
    }

    /// A section pattern split at its stars: `*` matches any run of characters (slashes
    /// included); everything else matches itself.
    struct Glob {
        let pattern: String
        let parts: [String]

        init(_ pattern: String) {
            self.pattern = pattern
            parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        }

        func matches(_ text: String) -> Bool {
            guard parts.count > 1 else { return pattern == text }
            guard text.hasPrefix(parts[0]) else { return false }
            var rest = text.dropFirst(parts[0].count)
            for part in parts.dropFirst().dropLast() where !part.isEmpty {
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
            let last = parts[parts.count - 1]
            return rest.count >= last.count && rest.hasSuffix(last)
        }
    }
}
