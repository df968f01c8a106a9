/// Unquotes a value as `uci show` prints it: `'text'`, a list `'a' 'b'`, a quote inside as
/// `'it'\''s'`, or (older uci) bare text.
enum UCIValue {
    /// The list's items; a single value is a list of one.
    static func items(_ raw: some StringProtocol) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuotes = false
        var hasItem = false
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            if inQuotes {
                if character == "'" { inQuotes = false } else { current.append(character) }
            } else if character == "'" {
                inQuotes = true
                hasItem = true
            } else if character == "\\", raw.index(after: index) < raw.endIndex {
                // `'\''` closes the quote, adds an escaped quote, and reopens.
                index = raw.index(after: index)
                current.append(raw[index])
            } else if character == " " || character == "\t" {
                if hasItem { items.append(current) }
                current = ""
                hasItem = false
            } else {
                current.append(character)
                hasItem = true
            }
            index = raw.index(after: index)
        }
        if hasItem { items.append(current) }
        return items
    }

    /// The value as one string: list items joined by a space.
    static func text(_ raw: some StringProtocol) -> String {
        items(raw).joined(separator: " ")
    }
}
