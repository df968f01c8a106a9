/// A pattern that matched a log record, with the subject and detail it read from the message.
struct LogPatternMatch: Sendable {
    /// The pattern's place in the catalog: lines of one event come from different patterns.
    var patternIndex: Int
    var pattern: LogPattern
    var subject: String?
    var detail: String?

    /// The first pattern of `patterns` that matches, or `nil`. A pattern whose subject is quoted but
    /// empty (netifd's `Network alias '' link is down`) names nothing and does not match.
    static func first(in patterns: [LogPattern], for record: LogRecord) -> LogPatternMatch? {
        for (index, pattern) in patterns.enumerated() {
            if let process = pattern.process, let logged = record.process, logged != process { continue }
            let message = record.message
            guard let range = pattern.phrase.firstRange(in: message) else { continue }
            var end = range.upperBound
            if let also = pattern.alsoAfter {
                guard let alsoRange = also.firstRange(in: message, from: end) else { continue }
                end = alsoRange.upperBound
            }
            let subject = subject(of: pattern, in: record, before: range.lowerBound)
            if case .quoted = pattern.subject, subject == nil { continue }
            // The detail is what follows the last phrase, e.g. `(guid …)` after `firmware crashed!`.
            let detail = String(message[end...].drop(while: { " \t:!-,".contains($0) }).trimmingBlanks())
            return LogPatternMatch(
                patternIndex: index, pattern: pattern, subject: subject, detail: detail.isEmpty ? nil : detail)
        }
        return nil
    }

    private static func subject(of pattern: LogPattern, in record: LogRecord, before index: Substring.Index)
        -> String?
    {
        let prefix = record.message[..<index]
        let name: String
        switch pattern.subject {
        case .prefix:
            name = String(prefix.trimmingBlanks().trimmingTrailingColons())
        case .device:
            let words = prefix.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let word = words.last(where: { $0.hasSuffix(":") }) ?? words.last ?? ""
            name = String(word.trimmingTrailingColons())
        case .quoted:
            let parts = record.message.split(separator: "'", omittingEmptySubsequences: false)
            name = parts.count >= 3 ? String(parts[1]) : ""
        case .tag:
            name = record.tag.map(String.init) ?? ""
        }
        return name.isEmpty ? nil : name
    }
}

extension StringProtocol {
    fileprivate func trimmingTrailingColons() -> SubSequence {
        var text = self[...]
        while text.last == ":" { text = text.dropLast() }
        return text
    }
}
