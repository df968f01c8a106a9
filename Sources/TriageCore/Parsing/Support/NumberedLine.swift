/// One line of a section's output with its 1-based line number, as warnings and evidence cite it.
struct NumberedLine: Sendable, Hashable {
    var number: Int
    var text: Substring

    /// The lines of `text`; a final newline does not make an empty last line, and `\r\n` counts as one break.
    static func split(_ text: String) -> [NumberedLine] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.enumerated().map { NumberedLine(number: $0.offset + 1, text: $0.element) }
    }

    /// The whitespace-separated fields; tabs and runs of spaces count alike, since some sources turned
    /// tabs into spaces.
    var fields: [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    var isBlank: Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
