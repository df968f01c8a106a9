/// Reads the device log (`logread -l 300`, or `dmesg` where logread is missing) into classified events.
enum SystemLogParser {
    /// The controller keeps the last this many lines: what `logread -l 300` prints, and a bound on `dmesg`.
    static let keptLines = 300
    /// Bytes of one line that are read: the kernel's own limit for one message (`LOG_LINE_MAX`,
    /// 1024). Every pattern is searched in every kept line, so a longer line (a device printing a
    /// 4 MB blob in one line) would cost in proportion to its length times the catalog's size.
    static let maximumLineBytes = 1024

    static func parse(_ text: String, subject: String) -> ParseResult<SystemLog> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> SystemLog {
        let lines = TextLines.counted(text)
        let kept = lines.suffix(keptLines).filter { !$0.isBlank }
        if let long = kept.first(where: { $0.text.utf8.count > maximumLineBytes }) {
            let count = kept.count { $0.text.utf8.count > maximumLineBytes }
            warnings.add("\(count) line(s) longer than \(maximumLineBytes) bytes; only their first \(maximumLineBytes) bytes were read",
                         line: long.number)
        }
        let records = kept.map(capped).map { (line: $0, record: LogRecordParser.parse($0.text)) }
        let unrecognized = records.filter { !$0.record.isRecognized }
        if let first = unrecognized.first {
            warnings.add(
                "\(unrecognized.count) of \(records.count) lines in no known log format; read as plain messages",
                line: first.line.number)
        }
        return SystemLog(
            command: subject, lineCount: lines.count, firstKeptLine: max(lines.count - keptLines, 0) + 1,
            events: LogEventClassifier.classify(records))
    }

    /// The line cut to `maximumLineBytes` (at a character boundary: a cut multi-byte character is dropped).
    private static func capped(_ line: TextLines.Line) -> TextLines.Line {
        guard line.text.utf8.count > maximumLineBytes else { return line }
        let prefix = String(decoding: line.text.utf8.prefix(maximumLineBytes), as: UTF8.self)
        return TextLines.Line(number: line.number, text: Substring(prefix.hasSuffix("\u{FFFD}") ? String(prefix.dropLast()) : prefix))
    }
}
