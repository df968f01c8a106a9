/// Reads the device log (`logread -l 300`, or `dmesg` where logread is missing) into classified events.
enum SystemLogParser {
    /// The controller keeps the last this many lines: what `logread -l 300` prints, and a bound on `dmesg`.
    static let keptLines = 300

    static func parse(_ text: String, subject: String) -> ParseResult<SystemLog> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> SystemLog {
        let lines = TextLines.counted(text)
        let kept = lines.suffix(keptLines).filter { !$0.isBlank }
        let records = kept.map { (line: $0, record: LogRecordParser.parse($0.text)) }
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
}
