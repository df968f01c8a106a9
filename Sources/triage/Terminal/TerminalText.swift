/// Neutralises, in a byte stream bound for a terminal, everything a terminal would obey instead
/// of show: device output, banners, radio names, webhook error bodies and inventory values reach
/// the technician's screen, and an ESC or C1 sequence among them could retitle the window, clear
/// the screen, write the clipboard (OSC 52) or paint a fake verdict.
///
/// Replaced by a visible escape: C0 controls except newline and tab (carriage return and
/// backspace included: they overwrite what is shown), DEL, C1 controls (U+0080–U+009F, which
/// some terminals obey as CSI, OSC…), and the bidirectional controls that reorder what is shown
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). The escape is `\u001b`-style, which is
/// also a JSON escape: inside a JSON string (the only place `--json` output can hold these
/// characters) it keeps the document valid and decodes to the same text. Bytes that are not
/// UTF-8 become `\xNN` (JSON output is always valid UTF-8, so this never touches it).
///
/// A stream writes in chunks that may split a character: an incomplete sequence is kept until
/// the next chunk.
struct TerminalText {
    private var pending: [UInt8] = []
    private var expectedLength = 0

    /// Appends `bytes`, neutralised, to `output`.
    mutating func neutralise(_ bytes: some Sequence<UInt8>, into output: inout [UInt8]) {
        for byte in bytes { take(byte, into: &output) }
    }

    /// Ends the stream: an incomplete sequence left over is not UTF-8.
    mutating func finish(into output: inout [UInt8]) {
        for byte in pending { Self.escapeByte(byte, into: &output) }
        pending = []
    }

    /// `text` as it may be shown on a terminal.
    static func neutralised(_ text: String) -> String {
        var filter = TerminalText()
        var output: [UInt8] = []
        filter.neutralise(text.utf8, into: &output)
        filter.finish(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private mutating func take(_ byte: UInt8, into output: inout [UInt8]) {
        if pending.isEmpty {
            start(byte, into: &output)
        } else if Self.continues(pending, with: byte) {
            pending.append(byte)
            if pending.count == expectedLength { finishCharacter(into: &output) }
        } else {
            finish(into: &output)
            start(byte, into: &output)
        }
    }

    private mutating func start(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case 0x0A, 0x09: output.append(byte)
        case 0x00..<0x20, 0x7F: Self.escapeScalar(UInt32(byte), into: &output)
        case 0x20..<0x7F: output.append(byte)
        case 0xC2...0xDF: begin(byte, length: 2)
        case 0xE0...0xEF: begin(byte, length: 3)
        case 0xF0...0xF4: begin(byte, length: 4)
        default: Self.escapeByte(byte, into: &output)
        }
    }

    private mutating func begin(_ lead: UInt8, length: Int) {
        pending = [lead]
        expectedLength = length
    }

    private mutating func finishCharacter(into output: inout [UInt8]) {
        let scalar = Self.decode(pending)
        if Self.isNeutralised(scalar) { Self.escapeScalar(scalar, into: &output) } else { output += pending }
        pending = []
    }

    /// UTF-8's rules for the byte after `sequence`, overlong and surrogate forms excluded.
    private static func continues(_ sequence: [UInt8], with byte: UInt8) -> Bool {
        guard sequence.count == 1 else { return (0x80...0xBF).contains(byte) }
        switch sequence[0] {
        case 0xE0: return (0xA0...0xBF).contains(byte)
        case 0xED: return (0x80...0x9F).contains(byte)
        case 0xF0: return (0x90...0xBF).contains(byte)
        case 0xF4: return (0x80...0x8F).contains(byte)
        default: return (0x80...0xBF).contains(byte)
        }
    }

    private static func decode(_ sequence: [UInt8]) -> UInt32 {
        let leadBits: UInt8 = sequence.count == 2 ? 0x1F : sequence.count == 3 ? 0x0F : 0x07
        return sequence.dropFirst().reduce(UInt32(sequence[0] & leadBits)) { ($0 << 6) | UInt32($1 & 0x3F) }
    }

    private static func isNeutralised(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escapeScalar(_ scalar: UInt32, into output: inout [UInt8]) {
        output += Array("\\u".utf8) + hex(scalar, digits: 4)
    }

    private static func escapeByte(_ byte: UInt8, into output: inout [UInt8]) {
        output += Array("\\x".utf8) + hex(UInt32(byte), digits: 2)
    }

    private static func hex(_ value: UInt32, digits: Int) -> [UInt8] {
        let text = String(value, radix: 16)
        return Array((String(repeating: "0", count: max(0, digits - text.count)) + text).utf8)
    }
}
