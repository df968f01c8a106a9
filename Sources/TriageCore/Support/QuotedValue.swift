/// How the strict readers (inventory, rules) echo a value in an error.
package enum QuotedValue {
    /// An error quotes at most this many characters of a value: a 50 MB line is not echoed back.
    package static let limit = 80

    /// `'value'`, with control and non-ASCII characters written as `\u{…}` so that lookalikes
    /// show as different, and cut after `limit` characters.
    package static func quoted(_ value: some StringProtocol) -> String {
        var text = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == limit { return "'\(text)…'" }
            text += (0x20..<0x7F).contains(scalar.value) ? String(scalar) : "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            count += 1
        }
        return "'\(text)'"
    }
}
