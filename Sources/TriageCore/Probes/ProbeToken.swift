/// The per-run boundary token that marks a probe's frames (Docs/probe-protocol.md).
///
/// The controller makes a fresh one for every run from its own random source, never from device
/// data, so nothing a device prints can be mistaken for a frame: a device cannot know the token
/// before the run, and output that merely looks like a frame carries another one.
public struct ProbeToken: Sendable, Hashable, CustomStringConvertible {
    /// Lowercase hex, as the probes require.
    public let hex: String

    /// Accepts 16 to 64 lowercase hex digits; anything else could not be told apart from output.
    public init?(hex: String) {
        let isHex = hex.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        guard isHex, (16...64).contains(hex.utf8.count) else { return nil }
        self.hex = hex
    }

    /// 128 random bits from the system's secure generator.
    public static func random() -> ProbeToken {
        var generator = SystemRandomNumberGenerator()
        var digits = ""
        for _ in 0..<2 {
            let word = generator.next() as UInt64
            let text = String(word, radix: 16)
            digits += String(repeating: "0", count: 16 - text.count) + text
        }
        return ProbeToken(uncheckedHex: digits)
    }

    private init(uncheckedHex: String) {
        hex = uncheckedHex
    }

    public var description: String { hex }
}
