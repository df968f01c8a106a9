/// Reads `/proc/loadavg`: `0.12 0.08 0.02 1/62 1234` (three averages, running/total tasks, last pid).
enum LoadAverageParser {
    static func parse(_ text: String, subject: String) -> ParseResult<LoadAverage?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> LoadAverage? {
        guard let first = TextLines.numbered(text).first(where: { !$0.isBlank }) else {
            warnings.add("empty")
            return nil
        }
        let averages = first.fields.prefix(3).compactMap { Double($0) }.filter { $0.isFinite && $0 >= 0 }
        guard averages.count == 3 else {
            warnings.add("fewer than three load averages", line: first.number)
            return nil
        }
        return LoadAverage(oneMinute: averages[0], fiveMinutes: averages[1], fifteenMinutes: averages[2])
    }
}
