import Foundation

/// Text written into YAML so that it reads back exactly, whatever it holds (scenario files are
/// anyone's input: a model may hold quotes, `#`, `: `, newlines or terminal escapes).
enum YAMLText {
    /// Plain where that reads back the same string (a letter first, so never a number); otherwise double-quoted, with every character that
    /// YAML does not allow printed (C0 and C1 controls, DEL, line and paragraph separators, the
    /// byte order mark) written as an escape.
    static func scalar(_ text: String) -> String {
        if text.range(of: "^[A-Za-z][A-Za-z0-9 ._/()+,-]*$", options: .regularExpression) != nil,
            !text.hasSuffix(" "), !["yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"].contains(text.lowercased())
        {
            return text
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: quoted += "\\\""
            case 0x5C: quoted += "\\\\"
            case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...:
                quoted.unicodeScalars.append(scalar)
            case 0...0xFF: quoted += "\\x" + hex(scalar.value, digits: 2)
            default: quoted += "\\u" + hex(scalar.value, digits: 4)
            }
        }
        return quoted + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
