/// Writes a `JSONValue` as compact JSON text: the same JSON `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes for it (`JSONValue: Encodable`): keys sorted,
/// a later value for a repeated key replacing the earlier one, `"` `\` and control characters
/// escaped, whole numbers without a fraction, other numbers in their shortest form.
///
/// `triage sweep --json-lines` writes one diagnosis per device this way: `JSONEncoder` walked
/// the whole fact document through `Codable` again for every line (Docs/benchmarks.md).
enum JSONTextWriter {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        write(value, to: &output)
        return output
    }

    static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number:
            if let whole = value.int {
                output.append(contentsOf: String(whole).utf8)
            } else if case .number(let number) = value {
                output.append(contentsOf: number.description.utf8)
            }
        case .string(let text):
            writeString(text, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, entry) in sortedUnique(object.entries).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(entry.key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(entry.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// The entries by key, the last of a repeated key kept; as they are when already so (facts are).
    private static func sortedUnique(_ entries: [(key: String, value: JSONValue)]) -> [(key: String, value: JSONValue)] {
        if zip(entries, entries.dropFirst()).allSatisfy({ $0.key < $1.key }) { return entries }
        var latest: [String: JSONValue] = [:]
        for entry in entries { latest[entry.key] = entry.value }
        return latest.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs without an escape (most of a probe output) are copied whole, not byte by byte.
            var runStart = 0
            for index in bytes.indices where needsEscape(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscaped(bytes[index], to: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            output.append(contentsOf: "\\u00".utf8)
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
