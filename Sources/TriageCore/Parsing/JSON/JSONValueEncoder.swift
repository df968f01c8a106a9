/// Encodes an `Encodable` value straight into a `JSONValue`: the same value `JSONEncoder` with
/// `.sortedKeys` would write and `LenientJSON` read back (objects' keys sorted, nil optionals left
/// out, a later value for a key replacing an earlier one), without the text in between. The fact
/// document of every diagnosis is made this way; going through JSON text cost more than the rules.
///
/// Covers what facts are made of: booleans, strings, integers, finite doubles, optionals, arrays,
/// structs and `JSONValue`. A non-finite double throws, as in `JSONEncoder`.
enum JSONValueEncoder {
    struct NonFiniteNumber: Error {}

    static func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let root = Slot()
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        return root.value
    }

    /// One value under construction; containers write into it through the reference.
    fileprivate final class Slot {
        enum Content {
            case empty
            case value(JSONValue)
            case array([Slot])
            case object([String: Slot])
        }

        var content = Content.empty

        var value: JSONValue {
            switch content {
            case .empty: return .object(JSONObject())
            case .value(let value): return value
            case .array(let items): return .array(items.map(\.value))
            case .object(let members):
                return .object(JSONObject(entries: members.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) }))
            }
        }

        func encode<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws {
            try value.encode(to: SlotEncoder(slot: self, codingPath: codingPath))
        }
    }

    fileprivate struct SlotEncoder: Encoder {
        let slot: Slot
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = slot.content {} else { slot.content = .object([:]) }
            return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = slot.content {} else { slot.content = .array([]) }
            return UnkeyedContainer(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleContainer(slot: slot, codingPath: codingPath)
        }
    }

    fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let codingPath: [any CodingKey]

        private func child(_ key: Key) -> Slot {
            let child = Slot()
            if case .object(var members) = slot.content {
                slot.content = .empty  // keeps `members` uniquely referenced while it changes
                members[key.stringValue] = child
                slot.content = .object(members)
            }
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).content = .value(.null) }

        mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
            try child(key).encode(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            SlotEncoder(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            SlotEncoder(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            SlotEncoder(slot: child(Key(stringValue: "super")!), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            SlotEncoder(slot: child(key), codingPath: codingPath + [key])
        }
    }

    fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        var count: Int {
            if case .array(let items) = slot.content { return items.count }
            return 0
        }

        private func next() -> Slot {
            let child = Slot()
            if case .array(var items) = slot.content {
                slot.content = .empty
                items.append(child)
                slot.content = .array(items)
            }
            return child
        }

        mutating func encodeNil() throws { next().content = .value(.null) }

        mutating func encode<Value: Encodable>(_ value: Value) throws {
            try next().encode(value, codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            SlotEncoder(slot: next(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            SlotEncoder(slot: next(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { SlotEncoder(slot: next(), codingPath: codingPath) }
    }

    fileprivate struct SingleContainer: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        private func set(_ value: JSONValue) { slot.content = .value(value) }

        mutating func encodeNil() throws { set(.null) }
        mutating func encode(_ value: Bool) throws { set(.bool(value)) }
        mutating func encode(_ value: String) throws { set(.string(value)) }
        mutating func encode(_ value: Double) throws {
            guard value.isFinite else { throw NonFiniteNumber() }
            set(.number(value))
        }
        mutating func encode(_ value: Float) throws {
            guard value.isFinite else { throw NonFiniteNumber() }
            // As its shortest text reads back (0.1, not 0.100000001).
            set(.number(Double("\(value)") ?? Double(value)))
        }
        mutating func encode(_ value: Int) throws { set(.number(Double(value))) }
        mutating func encode(_ value: Int8) throws { set(.number(Double(value))) }
        mutating func encode(_ value: Int16) throws { set(.number(Double(value))) }
        mutating func encode(_ value: Int32) throws { set(.number(Double(value))) }
        mutating func encode(_ value: Int64) throws { set(.number(Double(value))) }
        mutating func encode(_ value: UInt) throws { set(.number(Double(value))) }
        mutating func encode(_ value: UInt8) throws { set(.number(Double(value))) }
        mutating func encode(_ value: UInt16) throws { set(.number(Double(value))) }
        mutating func encode(_ value: UInt32) throws { set(.number(Double(value))) }
        mutating func encode(_ value: UInt64) throws { set(.number(Double(value))) }
        mutating func encode<Value: Encodable>(_ value: Value) throws { try slot.encode(value, codingPath: codingPath) }
    }
}
