/// Reads one rule line of `iw reg get`:
/// `(5250 - 5350 @ 80), (N/A, 20), (0 ms), NO-OUTDOOR, DFS, AUTO-BW` (iw's `print_reg_handler`).
enum RegulatoryRuleLine {
    /// `nil` where the line does not start with the `(start - end @ width)` group.
    static func parse(_ line: Substring) -> RegulatoryRule? {
        let groups = parenthesised(line)
        guard let range = groups.first else { return nil }
        let bounds = range.split(whereSeparator: { " -@".contains($0) }).compactMap { Double($0) }
        guard bounds.count == 3 else { return nil }
        var rule = RegulatoryRule(startMHz: bounds[0], endMHz: bounds[1], maxBandwidthMHz: bounds[2])
        if groups.count > 1 {
            let power = groups[1].split(separator: ",").map { $0.trimmingBlanks() }
            rule.maxAntennaGainDBi = power.first.flatMap { Double($0) }
            rule.maxEIRPdBm = power.count > 1 ? power[1].split(separator: " ").first.flatMap { Double($0) } : nil
        }
        if groups.count > 2, groups[2].hasSuffix(" ms") {
            rule.cacMilliseconds = Int(groups[2].dropLast(3))
        }
        // Flags are the words after the last parenthesised group.
        let tail = line.lastIndex(of: ")").map { line[line.index(after: $0)...] } ?? ""
        rule.flags = tail.split(separator: ",").map { String($0.trimmingBlanks()) }.filter { !$0.isEmpty }
        return rule
    }

    /// The contents of each top-level `( … )` group, in order.
    private static func parenthesised(_ line: Substring) -> [Substring] {
        var groups: [Substring] = []
        var start: Substring.Index?
        for index in line.indices {
            if line[index] == "(" {
                start = line.index(after: index)
            } else if line[index] == ")", let open = start {
                groups.append(line[open..<index])
                start = nil
            }
        }
        return groups
    }
}
