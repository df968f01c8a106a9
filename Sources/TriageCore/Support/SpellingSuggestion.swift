/// "Did you mean …?" for a mistyped key in a YAML file (inventory, rules).
package enum SpellingSuggestion {
    /// ` (did you mean 'title'?)` when one of `known` is within two edits of `word`, else empty.
    package static func hint(for word: String, among known: some Collection<String>) -> String {
        known.min { distance($0, word) < distance($1, word) }
            .flatMap { distance($0, word) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
