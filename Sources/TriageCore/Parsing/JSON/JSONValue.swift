/// A JSON value as read by `LenientJSON`.
///
/// Objects keep every entry in order, duplicates included, because device output has them
/// (OpenWrt 19.07's `network.wireless status` prints `"mode"` twice).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The first value for `key` when this is an object; `nil` otherwise.
    public subscript(key: String) -> JSONValue? {
        object?[key]
    }

    /// Every value for `key`, in order, when this is an object.
    public func values(forKey key: String) -> [JSONValue] {
        object?.values(forKey: key) ?? []
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var double: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an integer when it is one exactly (3.0 is, 3.5 is not).
    public var int: Int? {
        guard case .number(let value) = self, value.isFinite, value.rounded() == value,
            value >= -9.0e18, value <= 9.0e18
        else { return nil }
        return Int(value)
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        self == .null
    }
}
