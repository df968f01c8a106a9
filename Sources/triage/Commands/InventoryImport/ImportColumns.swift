/// Which CSV column feeds which inventory key, found by the header's names (Docs/inventory.md,
/// "Importing a CSV export"). Case, spaces, `-` and `_` in a header don't matter; each key has the
/// names common exports use.
struct ImportColumns {
    static let keys: [(key: String, names: [String])] = [
        ("id", ["id", "deviceid", "device", "cpe", "cpeid", "name"]),
        ("host", ["host", "hostname", "address", "ip", "ipaddress", "managementip", "mgmtip"]),
        ("port", ["port", "sshport"]),
        ("user", ["user", "username", "sshuser", "login"]),
        ("group", ["group", "inventorygroup"]),
        ("model", ["model", "devicemodel", "hardware"]),
        ("firmware", ["firmware", "firmwareversion", "software", "version"]),
        ("serial", ["serial", "serialnumber", "sn"]),
        ("customer", ["customer", "customerid", "customernumber", "account", "contract"]),
        ("line_id", ["lineid", "line", "accessline", "accesslineid", "circuit", "circuitid"]),
    ]
    static let required = ["id", "host"]

    /// Inventory key → column index.
    let index: [String: Int]
    /// Header names that map to no key: reported, not guessed.
    let ignored: [String]

    init(header: [String]) throws(ImportError) {
        var index: [String: Int] = [:]
        var ignored: [String] = []
        var problems: [String] = []
        for (column, name) in header.enumerated() {
            let plain = Self.plain(name)
            guard let key = Self.keys.first(where: { $0.names.contains(plain) })?.key else {
                ignored.append(name)
                continue
            }
            if let earlier = index[key] {
                problems.append("columns \(earlier + 1) and \(column + 1) both give '\(key)' ('\(header[earlier])', '\(name)'); keep one")
            }
            index[key] = column
        }
        for key in Self.required where index[key] == nil {
            let names = Self.keys.first { $0.key == key }?.names.joined(separator: ", ") ?? key
            problems.append("no column for '\(key)': name one in the header line (any of: \(names))")
        }
        guard problems.isEmpty else { throw ImportError(line: 1, problems: problems) }
        self.index = index
        self.ignored = ignored
    }

    private static func plain(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
