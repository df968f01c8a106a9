/// Splits section output into numbered lines, the way every line-based parser reads it.
enum TextLines {
    struct Line {
        /// 1-based, for warnings.
        let number: Int
        let text: Substring
        /// The text without leading and trailing blanks: devices indent with tabs or spaces.
        var trimmed: Substring { text.trimmingBlanks() }
    }

    /// Handles `\n` and `\r\n` (`isNewline` treats the pair as one separator).
    static func numbered(_ text: String) -> [Line] {
        if let lines = asciiLines(text) { return lines }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
            .map { Line(number: $0.offset + 1, text: $0.element) }
    }

    /// The same lines, split on bytes, for ASCII text whose only line break is `\n` (nearly every
    /// section): splitting by Characters cost more than parsing the lines. Nil otherwise.
    private static func asciiLines(_ text: String) -> [Line]? {
        let bytes = text.utf8
        var lines: [Line] = []
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            // Other line breaks (\r, \u{0B}, \u{0C}, NEL, LS, PS) and grapheme clusters: the slow path.
            if byte >= 0x80 || byte == 0x0B || byte == 0x0C || byte == ASCII.carriageReturn { return nil }
            if byte == ASCII.newline {
                lines.append(Line(number: lines.count + 1, text: text[start..<index]))
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        lines.append(Line(number: lines.count + 1, text: text[start..<bytes.endIndex]))
        return lines
    }
}

extension StringProtocol {
    /// Trims spaces and tabs only (not newlines, which the line splitter already removed).
    func trimmingBlanks() -> SubSequence {
        guard let start = firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return self[endIndex..<endIndex] }
        return self[start...end]
    }
}
