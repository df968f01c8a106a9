/// Splits one log line in any of the formats routers print.
///
/// - `dmesg`: `[   12.345678] msg`, `dmesg -T`: `[Mon Nov 16 18:53:04 2020] msg`, and `<6>[ 12.3] msg` (raw);
/// - OpenWrt `logread`: `Fri Mar 29 04:20:37 2019 kern.err kernel: [  358.187277] msg`;
/// - syslog and journal: `May 26 09:50:12 host kernel: msg`, optionally with `facility.level` after the host,
///   or an ISO timestamp (`2024-05-26T09:50:12+0200 host kernel: msg`).
enum LogRecordParser {
    private static let months: Set<Substring> = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    private static let weekdays: Set<Substring> = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    static func parse(_ line: Substring) -> LogRecord {
        var cursor = TokenCursor(line)
        cursor.skipSyslogPriority()
        if cursor.rest.first == "[" {
            return kernelRecord(cursor.rest)
        }
        if let record = logreadRecord(cursor) ?? syslogRecord(cursor) {
            return record
        }
        return LogRecord(process: nil, tag: nil, message: line, isRecognized: false)
    }

    /// `Fri Mar 29 04:20:37 2019 kern.err kernel: msg`
    private static func logreadRecord(_ start: TokenCursor) -> LogRecord? {
        var cursor = start
        guard let weekday = cursor.next(), weekdays.contains(weekday),
            let month = cursor.next(), months.contains(month),
            cursor.next()?.allSatisfy(\.isNumber) == true,
            cursor.next().map(isTime) == true,
            let year = cursor.next(), year.count == 4, year.allSatisfy(\.isNumber),
            cursor.next()?.contains(".") == true
        else { return nil }
        return taggedRecord(cursor)
    }

    /// `May 26 09:50:12 host [facility.level] tag: msg`, or `2024-05-26T09:50:12+0200 host tag: msg`.
    private static func syslogRecord(_ start: TokenCursor) -> LogRecord? {
        var cursor = start
        guard let first = cursor.next() else { return nil }
        if months.contains(first) {
            guard cursor.next()?.allSatisfy(\.isNumber) == true, cursor.next().map(isTime) == true else { return nil }
        } else {
            guard first.count >= 19, first.prefix(4).allSatisfy(\.isNumber), first.contains("T") else { return nil }
        }
        guard cursor.next() != nil else { return nil }  // the host
        var afterHost = cursor
        if let priority = afterHost.next(), priority.contains("."), !priority.hasSuffix(":") {
            cursor = afterHost
        }
        return taggedRecord(cursor)
    }

    /// `tag: msg`, where a kernel message may still carry its `[uptime]` stamp.
    private static func taggedRecord(_ start: TokenCursor) -> LogRecord? {
        var cursor = start
        guard let word = cursor.next(), word.hasSuffix(":"), word.count > 1 else { return nil }
        let tag = word.dropLast()
        let process = tag.firstIndex(of: "[").map { tag[..<$0] } ?? tag
        if process == "kernel", cursor.rest.first == "[" {
            return kernelRecord(cursor.rest)
        }
        return LogRecord(process: process, tag: tag, message: cursor.rest, isRecognized: true)
    }

    /// `[stamp] msg`: the stamp is uptime or a `dmesg -T` date; either way it is dropped.
    private static func kernelRecord(_ text: Substring) -> LogRecord {
        guard let close = text.firstIndex(of: "]") else {
            return LogRecord(process: "kernel", tag: "kernel", message: text, isRecognized: false)
        }
        let message = text[text.index(after: close)...].drop(while: { $0 == " " || $0 == "\t" })
        return LogRecord(process: "kernel", tag: "kernel", message: message, isRecognized: true)
    }

    private static func isTime(_ word: Substring) -> Bool {
        word.count >= 8 && word.filter { $0 == ":" }.count == 2
            && word.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." }
    }
}
