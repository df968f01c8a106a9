/// Turns log records into events: each line that matches a pattern starts an event, except a second report
/// of the same happening (a `joinsPrevious` pattern), which joins the event of the same kind and subject a
/// few lines before: the kernel's `wan: Link is Up` and netifd's `Network device 'wan' link is up` are one
/// transition. Repeats of one message stay separate events, so they can be counted.
enum LogEventClassifier {
    /// How far apart, in lines, two reports of one happening may be.
    static let joinDistance = 5

    private struct Key: Hashable {
        var kind: LogEvent.Kind
        var subject: String?
    }

    private struct Context {
        var line: LogLine
        var detail: String?
    }

    static func classify(
        _ records: [(line: TextLines.Line, record: LogRecord)], patterns: [LogPattern] = LogPatternCatalog.patterns
    ) -> [LogEvent] {
        var events: [LogEvent] = []
        var patternsOfEvent: [Set<Int>] = []
        var lastEventOfKey: [Key: Int] = [:]
        var pendingContext: [Key: Context] = [:]
        for (line, record) in records {
            guard let match = LogPatternMatch.first(in: patterns, for: record) else { continue }
            let key = Key(kind: match.pattern.kind, subject: match.subject)
            let logLine = LogLine(number: line.number, text: String(line.text))
            if case .context = match.pattern.role {
                pendingContext[key] = Context(line: logLine, detail: match.detail)
                continue
            }
            if match.pattern.joinsPrevious, let index = lastEventOfKey[key], let last = events[index].lines.last,
                line.number - last.number <= joinDistance, !patternsOfEvent[index].contains(match.patternIndex)
            {
                events[index].lines.append(logLine)
                events[index].detail = events[index].detail ?? match.detail
                patternsOfEvent[index].insert(match.patternIndex)
                continue
            }
            var event = LogEvent(kind: key.kind, subject: key.subject, detail: match.detail, lines: [logLine])
            if let context = pendingContext.removeValue(forKey: key), line.number - context.line.number <= joinDistance
            {
                event.lines.insert(context.line, at: 0)
                event.detail = context.detail ?? match.detail
            }
            lastEventOfKey[key] = events.count
            events.append(event)
            patternsOfEvent.append([match.patternIndex])
        }
        return events
    }
}
