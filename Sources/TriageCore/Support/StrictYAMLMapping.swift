package import Yams

/// The one key check of the strict YAML readers (inventory, rules): the values of a mapping by
/// key, where a key that is not a plain word, not in `allowed` (with "did you mean …?" for a
/// typo) or given twice is handed to `report` with its node, and left out.
package enum StrictYAMLMapping {
    package static func fields(
        of map: Node.Mapping, allowed: some Collection<String>, in context: String, report: (Node, String) -> Void
    ) -> [String: Node] {
        var result: [String: Node] = [:]
        for (keyNode, value) in map {
            guard let key = keyNode.string else {
                report(keyNode, "\(context): keys must be plain words")
                continue
            }
            guard allowed.contains(key) else {
                report(keyNode, "\(context): unknown key \(QuotedValue.quoted(key))\(SpellingSuggestion.hint(for: key, among: allowed))")
                continue
            }
            guard result[key] == nil else {
                report(keyNode, "\(context): \(QuotedValue.quoted(key)) is given twice")
                continue
            }
            result[key] = value
        }
        return result
    }
}
