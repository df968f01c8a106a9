import Foundation
import Synchronization

/// Compiled regular expressions by pattern, for the whole process.
///
/// Rules name their patterns in text (`matches "…"`, an evidence `match:`), and a sweep evaluates
/// the same few patterns for every device: compiling them each time was a measurable share of the
/// rules' CPU (Docs/benchmarks.md). Patterns come from the rule book, so the set is small; the
/// cache is still capped, and forgets everything when full rather than grow with odd input.
enum RegexCache {
    private static let limit = 512
    private static let compiled = Mutex<[String: NSRegularExpression]>([:])

    /// The compiled pattern, or nil when it does not compile (callers treat that as "no match",
    /// as before; the rule reader refuses such patterns when it loads a rule file).
    static func regex(_ pattern: String) -> NSRegularExpression? {
        if let known = compiled.withLock({ $0[pattern] }) { return known }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled.withLock { cache in
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[pattern] = regex
        }
        return regex
    }

    /// Whether `pattern` matches somewhere in `text`; false when it does not compile.
    static func firstMatch(_ pattern: String, in text: String) -> Bool {
        guard let regex = regex(pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
