/// The recursive-descent reader behind `LenientJSON`.
///
/// It never throws and never traps: a fatal problem (bad syntax, end of input) stops reading,
/// and every open container is closed with what it held so far, so callers keep the partial
/// structure. Non-fatal oddities (trailing commas, a missing comma, text around the value) are
/// reported and read through.
struct LenientJSONReader {
    /// Deeper nesting than any ubus object; the limit keeps garbage like `[[[[…` off the stack.
    static let maximumDepth = 128
    /// Garbage could otherwise produce one problem per byte.
    static let maximumProblems = 20

    private let bytes: [UInt8]
    private var position = 0
    private(set) var problems: [String] = []
    private(set) var isComplete = true
    /// Set by a fatal problem: every reader returns at once with what it has.
    private var stopped = false

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func readDocument() -> JSONValue? {
        skipWhitespace()
        guard position < bytes.count else {
            isComplete = false
            report("no JSON value (the output is empty)")
            return nil
        }
        if !Self.startsValue(bytes[position]) {
            // Some tools print a line of text before the JSON; read from the first container.
            let rest = bytes[position...]
            guard let start = rest.firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") })
            else {
                isComplete = false
                report("no JSON value found")
                return nil
            }
            report("skipped \(start - position) bytes of text before the JSON value")
            position = start
        }
        let value = readValue(depth: 0)
        if !stopped {
            skipWhitespace()
            if position < bytes.count {
                report("ignored \(bytes.count - position) bytes of text after the JSON value")
            }
        }
        return value
    }

    // MARK: - Values

    private mutating func readValue(depth: Int) -> JSONValue? {
        guard depth < Self.maximumDepth else {
            fail("nested deeper than \(Self.maximumDepth) levels")
            return nil
        }
        guard let byte = peek() else {
            truncated(inside: "a value")
            return nil
        }
        switch byte {
        case UInt8(ascii: "{"): return readObject(depth: depth)
        case UInt8(ascii: "["): return readArray(depth: depth)
        case UInt8(ascii: "\""): return readString().map(JSONValue.string)
        case UInt8(ascii: "t"): return readLiteral("true", as: .bool(true))
        case UInt8(ascii: "f"): return readLiteral("false", as: .bool(false))
        case UInt8(ascii: "n"): return readLiteral("null", as: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return readNumber(depth: depth)
        default:
            fail("unexpected character '\(Self.printable(byte))'")
            return nil
        }
    }

    private mutating func readObject(depth: Int) -> JSONValue {
        position += 1
        var object = JSONObject()
        var afterComma = false
        while true {
            skipWhitespace()
            guard let byte = peek() else {
                truncated(inside: "an object")
                return .object(object)
            }
            if byte == UInt8(ascii: "}") {
                if afterComma { report("trailing comma before '}'") }
                position += 1
                return .object(object)
            }
            guard byte == UInt8(ascii: "\"") else {
                fail("expected a quoted key, found '\(Self.printable(byte))'")
                return .object(object)
            }
            guard let key = readString() else { return .object(object) }
            skipWhitespace()
            guard let colon = peek() else {
                truncated(inside: "an object")
                return .object(object)
            }
            guard colon == UInt8(ascii: ":") else {
                fail("expected ':' after key \"\(key)\"")
                return .object(object)
            }
            position += 1
            skipWhitespace()
            guard let value = readValue(depth: depth + 1) else { return .object(object) }
            object.entries.append((key: key, value: value))
            if stopped { return .object(object) }
            skipWhitespace()
            guard let next = peek() else {
                truncated(inside: "an object")
                return .object(object)
            }
            switch next {
            case UInt8(ascii: ","):
                position += 1
                afterComma = true
            case UInt8(ascii: "}"):
                position += 1
                return .object(object)
            case UInt8(ascii: "\""):
                report("missing ',' before key")
                afterComma = false
            default:
                fail("expected ',' or '}', found '\(Self.printable(next))'")
                return .object(object)
            }
        }
    }

    private mutating func readArray(depth: Int) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        var afterComma = false
        while true {
            skipWhitespace()
            guard let byte = peek() else {
                truncated(inside: "an array")
                return .array(elements)
            }
            if byte == UInt8(ascii: "]") {
                if afterComma { report("trailing comma before ']'") }
                position += 1
                return .array(elements)
            }
            guard let value = readValue(depth: depth + 1) else { return .array(elements) }
            elements.append(value)
            if stopped { return .array(elements) }
            skipWhitespace()
            guard let next = peek() else {
                truncated(inside: "an array")
                return .array(elements)
            }
            if next == UInt8(ascii: ",") {
                position += 1
                afterComma = true
            } else if next == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            } else if Self.startsValue(next) {
                report("missing ',' between array elements")
                afterComma = false
            } else {
                fail("expected ',' or ']', found '\(Self.printable(next))'")
                return .array(elements)
            }
        }
    }

    // MARK: - Scalars

    private mutating func readString() -> String? {
        position += 1
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        // Raw bytes are collected and decoded in runs, so multi-byte UTF-8 stays intact and
        // invalid UTF-8 becomes U+FFFD instead of a trap.
        func flush() {
            if !pending.isEmpty {
                scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
                pending.removeAll()
            }
        }
        while let byte = peek() {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard let escaped = readEscape() else { return nil }
                scalars.append(escaped)
            default:
                pending.append(byte)
            }
        }
        truncated(inside: "a string")
        return nil
    }

    private mutating func readEscape() -> Unicode.Scalar? {
        guard let byte = peek() else {
            truncated(inside: "a string")
            return nil
        }
        position += 1
        switch byte {
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "u"): return readUnicodeEscape()
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
        default:
            report("unknown escape '\\\(Self.printable(byte))' kept as is")
            return Unicode.Scalar(byte)
        }
    }

    private mutating func readUnicodeEscape() -> Unicode.Scalar? {
        guard let high = readHex4() else { return nil }
        if (0xD800..<0xDC00).contains(high), bytes.count >= position + 6,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
            let saved = position
            position += 2
            if let low = readHex4(), (0xDC00..<0xE000).contains(low) {
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(combined) ?? "\u{FFFD}"
            }
            if stopped { return nil }
            position = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func readHex4() -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else {
                truncated(inside: "a string")
                return nil
            }
            guard let digit = Self.hexDigit(byte) else {
                fail("invalid \\u escape")
                return nil
            }
            position += 1
            value = value << 4 | digit
        }
        return value
    }

    private mutating func readLiteral(_ word: String, as value: JSONValue) -> JSONValue? {
        for expected in word.utf8 {
            guard let byte = peek() else {
                truncated(inside: "'\(word)'")
                return nil
            }
            guard byte == expected else {
                fail("unexpected character '\(Self.printable(byte))'")
                return nil
            }
            position += 1
        }
        return value
    }

    private mutating func readNumber(depth: Int) -> JSONValue? {
        let start = position
        while let byte = peek(), Self.isNumberByte(byte) { position += 1 }
        // Inside a container, input that ends right after digits may have cut the number short.
        if position == bytes.count, depth > 0 {
            truncated(inside: "a number")
            return nil
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            position = start
            fail("invalid number '\(text)'")
            return nil
        }
        return .number(number)
    }

    // MARK: - Helpers

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            position += 1
        }
    }

    private mutating func fail(_ message: String) {
        isComplete = false
        stopped = true
        report(message)
    }

    private mutating func truncated(inside what: String) {
        fail("the input ends inside \(what)")
    }

    private mutating func report(_ message: String) {
        guard problems.count <= Self.maximumProblems else { return }
        if problems.count == Self.maximumProblems {
            problems.append("further problems not listed")
            return
        }
        problems.append("\(location()): \(message)")
    }

    /// "line L, column C" of the current position (1-based, columns in bytes).
    private func location() -> String {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return "line \(line), column \(position - lineStart + 1)"
    }

    private static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }
}
