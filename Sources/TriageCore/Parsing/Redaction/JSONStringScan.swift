/// One JSON string in device output, from its opening quote to its closing one on the same line
/// (a raw newline cannot be inside a JSON string, so a quote without a partner there opens none).
struct JSONStringScan {
    /// Just after the closing quote.
    let end: Int
    /// The content with its escapes decoded (`k\u0065y` is `key`); nil when longer than a name can be.
    let decodedName: String?

    init?(_ input: [UInt8], at start: Int) {
        var index = start + 1
        var escaped = false
        while index < input.count {
            let byte = input[index]
            if byte == ASCII.newline { return nil }
            if escaped {
                escaped = false
            } else if byte == ASCII.backslash {
                escaped = true
            } else if byte == ASCII.quote {
                break
            }
            index += 1
        }
        guard index < input.count else { return nil }
        end = index + 1
        let content = input[(start + 1)..<index]
        decodedName = content.count <= JSONMemberMasker.maximumNameLength ? Self.decode(content) : nil
    }

    /// JSON escapes as a JSON reader decodes them; an invalid one is kept as written.
    private static func decode(_ content: ArraySlice<UInt8>) -> String {
        guard content.contains(ASCII.backslash) else { return String(decoding: content, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var bytes = content[...]
        var pending: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending.removeAll()
        }
        while let byte = bytes.popFirst() {
            guard byte == ASCII.backslash, let kind = bytes.popFirst() else {
                pending.append(byte)
                continue
            }
            flush()
            switch kind {
            case UInt8(ascii: "u"):
                let hex = String(decoding: bytes.prefix(4), as: UTF8.self)
                if hex.count == 4, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    scalars.append(scalar)
                    bytes = bytes.dropFirst(4)
                } else {
                    scalars.append(contentsOf: "\\u".unicodeScalars)
                }
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            default: scalars.append(Unicode.Scalar(kind))
            }
        }
        flush()
        return String(scalars)
    }
}
