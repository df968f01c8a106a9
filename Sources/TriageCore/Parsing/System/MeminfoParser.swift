/// Reads `/proc/meminfo`: `MemTotal:   126072 kB` lines; only the fields Triage uses are kept.
enum MeminfoParser {
    static func parse(_ text: String, subject: String) -> ParseResult<MemoryUsage?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> MemoryUsage? {
        var memory = MemoryUsage()
        var found = false
        for (line, name, value) in KeyValueLines.parse(text, separator: ":", subject: subject, warnings: &warnings) {
            let fields = value.split(whereSeparator: \.isWhitespace)
            guard let number = fields.first.flatMap({ UInt64($0) }) else {
                warnings.add("no number after the name", line: line)
                continue
            }
            // Every size in meminfo is in kB (KiB) where a unit is printed; counts (HugePages_Total) have none.
            let (bytes, overflow) = number.multipliedReportingOverflow(by: fields.count > 1 ? 1024 : 1)
            guard !overflow else {
                warnings.add("value too large", line: line)
                continue
            }
            switch name {
            case "MemTotal": memory.totalBytes = bytes
            case "MemFree": memory.freeBytes = bytes
            case "MemAvailable": memory.availableBytes = bytes
            case "Buffers": memory.buffersBytes = bytes
            case "Cached": memory.cachedBytes = bytes
            default: continue
            }
            found = true
        }
        if !found {
            warnings.add("no memory figures")
            return nil
        }
        return memory
    }
}
