/// The `key value` pairs and single-word flags after a route's destination, or after `nexthop`.
struct RouteAttributes {
    /// Flags `ip` prints as single words; every other word is a key followed by one value.
    private static let flagWords: Set<Substring> = [
        "onlink", "linkdown", "dead", "pervasive", "offload", "trap", "notify",
    ]

    private(set) var values: [Substring: String] = [:]
    private(set) var flags: [String] = []
    /// A key at the end of the line, with its value missing (a cut line).
    private(set) var keyWithoutValue: Substring?

    init(_ fields: ArraySlice<Substring>) {
        var rest = fields
        while let key = rest.first {
            rest = rest.dropFirst()
            if Self.flagWords.contains(key) {
                flags.append(String(key))
                continue
            }
            // `via inet6 fe80::1` names the gateway's family before the address.
            if key == "via", let family = rest.first, family == "inet" || family == "inet6" {
                rest = rest.dropFirst()
            }
            guard let value = rest.first else {
                keyWithoutValue = key
                break
            }
            rest = rest.dropFirst()
            // The first occurrence wins: a key repeated by a vendor build must not hide the kernel's own value.
            if values[key] == nil { values[key] = String(value) }
        }
    }

    subscript(key: Substring) -> String? {
        values[key]
    }
}
