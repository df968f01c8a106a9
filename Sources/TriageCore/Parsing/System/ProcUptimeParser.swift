/// Reads `/proc/uptime`: seconds since boot, then idle seconds summed over all CPUs.
enum ProcUptimeParser {
    static func parse(_ text: String, subject: String, warnings: inout [ParseWarning]) -> Double? {
        guard let first = NumberedLine.split(text).first(where: { !$0.isBlank }) else {
            warnings.append(ParseWarning(section: subject, message: "empty"))
            return nil
        }
        guard let field = first.fields.first, let seconds = Double(field), seconds.isFinite, seconds >= 0 else {
            warnings.append(ParseWarning(section: subject, line: first.number, message: "no uptime in seconds"))
            return nil
        }
        return seconds
    }
}
