/// A JSON object that keeps its entries in the order read, duplicate keys included.
public struct JSONObject: Sendable, Hashable {
    public var entries: [(key: String, value: JSONValue)]

    public init(entries: [(key: String, value: JSONValue)] = []) {
        self.entries = entries
    }

    /// The first value for `key`: what most JSON readers would keep is the last one, but for
    /// duplicated keys on devices seen so far both copies agree, and the first is read first.
    public subscript(key: String) -> JSONValue? {
        entries.first { $0.key == key }?.value
    }

    /// Every value for `key`, in order.
    public func values(forKey key: String) -> [JSONValue] {
        entries.filter { $0.key == key }.map(\.value)
    }

    public var keys: [String] {
        entries.map(\.key)
    }

    public var isEmpty: Bool {
        entries.isEmpty
    }

    // Tuples are not Hashable, so equality and hashing walk the entries by hand.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
