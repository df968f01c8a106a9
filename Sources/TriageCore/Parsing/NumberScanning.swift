/// Reading numbers out of human-formatted tool output ("-67 [-67, -77] dBm", "140 ms", "6.00 dBm").
enum NumberScanning {
    /// The integer at the start of `text` (after blanks), ignoring what follows: "140 ms" is 140.
    static func leadingInt(_ text: some StringProtocol) -> Int? {
        Int(leadingToken(text, allowingFraction: false))
    }

    /// The decimal number at the start of `text`: "6.00 dBm" is 6.0, "-52 dBm" is -52.0.
    static func leadingDouble(_ text: some StringProtocol) -> Double? {
        let token = leadingToken(text, allowingFraction: true)
        guard let value = Double(token), value.isFinite else { return nil }
        return value
    }

    /// The integer right after the first occurrence of `marker`: `int(after: "width: ", in: …)`.
    static func int(after marker: String, in text: some StringProtocol) -> Int? {
        guard let range = text.firstRange(of: marker) else { return nil }
        return leadingInt(text[range.upperBound...])
    }

    static func double(after marker: String, in text: some StringProtocol) -> Double? {
        guard let range = text.firstRange(of: marker) else { return nil }
        return leadingDouble(text[range.upperBound...])
    }

    /// An optional sign and digits (and one fraction), so that `Int`/`Double` see only a number
    /// and never a hex or "inf" spelling.
    private static func leadingToken(_ text: some StringProtocol, allowingFraction: Bool) -> String {
        var token = ""
        var sawDot = false
        for character in text.trimmingBlanks() {
            if character.isASCII, character.isNumber {
                token.append(character)
            } else if (character == "-" || character == "+"), token.isEmpty {
                token.append(character)
            } else if character == ".", allowingFraction, !sawDot, !token.isEmpty {
                sawDot = true
                token.append(character)
            } else {
                break
            }
        }
        return token
    }
}
