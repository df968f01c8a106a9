/// Text a hostile device, inventory or order system may send, and the check that none of it
/// reaches a terminal raw.
enum TerminalBytes {
    /// Retitles the window (OSC 0), clears the screen (CSI 2J), writes the clipboard (OSC 52),
    /// colours by a C1 CSI (U+009B), and reverses what follows (U+202E).
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31mFAKE\u{202E}dne"

    /// The same, JSON-escaped, as a device's JSON output or a YAML double-quoted value carries it.
    static let hostileEscaped = #"\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u009b31mFAKE\u202edne"#

    /// What a terminal would obey in `bytes`: C0 controls but newline and tab, DEL, C1 controls
    /// (UTF-8 C2 80–9F) and the bidi overrides and isolates; each with the text around it.
    static func controls(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var length = 0
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F {
                length = 1
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                length = 2
            } else if byte == 0xE2, index + 2 < bytes.count,
                      (bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2]))
                        || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2])) {
                length = 3
            }
            if length > 0 {
                let context = bytes[max(0, index - 30)..<min(bytes.count, index + 30)]
                found.append("byte \(index): \(String(decoding: context, as: UTF8.self).debugDescription)")
                index += length
            } else {
                index += 1
            }
        }
        return found
    }
}
