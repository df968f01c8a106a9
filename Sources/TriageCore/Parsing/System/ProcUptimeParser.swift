/// Reads `/proc/uptime`: seconds since boot, then idle seconds summed over all CPUs.
enum ProcUptimeParser {
    static func parse(_ text: String, subject: String) -> ParseResult<Double?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> Double? {
        guard let first = TextLines.numbered(text).first(where: { !$0.isBlank }) else {
            warnings.add("empty")
            return nil
        }
        guard let field = first.fields.first, let seconds = Double(field), seconds.isFinite, seconds >= 0 else {
            warnings.add("no uptime in seconds", line: first.number)
            return nil
        }
        return seconds
    }
}
