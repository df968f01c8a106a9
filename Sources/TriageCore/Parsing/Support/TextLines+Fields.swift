extension TextLines.Line {
    /// The blank-separated fields; tabs and runs of spaces count alike, since some sources turned tabs
    /// into spaces.
    var fields: [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    var isBlank: Bool {
        text.allSatisfy(\.isWhitespace)
    }
}

extension TextLines {
    /// The lines of `text` without the empty one after a final newline, for parsers that count lines.
    static func counted(_ text: String) -> [Line] {
        var lines = numbered(text)
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        return lines
    }
}
