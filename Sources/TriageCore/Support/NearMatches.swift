/// The ids a mistyped id was probably meant to be: a technician reads an id off a ticket or a
/// phone call, and `cpe-00l2`, `CPE-0012` or `cpe-001` should lead to `cpe-0012`, not to a guess.
/// Case is ignored; an id that starts or contains what was typed (or the reverse), or is within a
/// few edits of it (a changed, missing, extra or swapped character each), is near. Closest first.
public enum NearMatches {
    public static func among(_ candidates: [String], for typed: String, limit: Int = 5) -> [String] {
        let wanted = typed.lowercased()
        guard !wanted.isEmpty else { return [] }
        let allowed = max(1, min(3, wanted.count / 5))
        let scored: [(id: String, score: Int)] = candidates.compactMap { candidate in
            let id = candidate.lowercased()
            if id == wanted { return (candidate, 0) }
            // The start of an id, typed: the likeliest meaning. Then typos, closest first.
            if id.hasPrefix(wanted) { return (candidate, 1) }
            let distance = editDistance(Array(id), Array(wanted), cap: allowed + 1)
            if distance <= allowed { return (candidate, 1 + distance) }
            if wanted.hasPrefix(id) || id.contains(wanted) || wanted.contains(id) { return (candidate, allowed + 2) }
            return nil
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }.prefix(limit).map(\.id)
    }

    /// Edit distance with swaps of neighbours (optimal string alignment), given up (returning
    /// `cap`) once every path costs `cap` or more.
    static func editDistance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if abs(a.count - b.count) >= cap { return cap }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            if current.min() ?? cap >= cap { return cap }
            (before, previous) = (previous, current)
        }
        return min(previous[b.count], cap)
    }
}
