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
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
            .map { Line(number: $0.offset + 1, text: $0.element) }
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
