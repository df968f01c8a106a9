/// Channel widths from the configuration words OpenWrt and iwinfo use (`HT20`, `VHT80`, `HE160`).
enum WLANWidth {
    /// `NOHT` is a 20 MHz channel without HT; `VHT80+80` spans 160 MHz; unknown words give `nil`.
    static func megahertz(htmode: some StringProtocol) -> Int? {
        let word = htmode.uppercased()
        if word == "NOHT" { return 20 }
        if word.hasSuffix("80+80") { return 160 }
        let digits = word.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let width = Int(String(digits.reversed())) else { return nil }
        return width
    }
}
