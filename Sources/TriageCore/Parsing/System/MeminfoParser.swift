/// Reads `/proc/meminfo`: `MemTotal:   126072 kB` lines; only the fields Triage uses are kept.
enum MeminfoParser {
    static func parse(_ text: String, subject: String, warnings: inout [ParseWarning]) -> MemoryUsage? {
        var memory = MemoryUsage()
        var found = false
        for (line, name, value) in KeyValueLines.parse(text, separator: ":", subject: subject, warnings: &warnings) {
            let fields = value.split(whereSeparator: \.isWhitespace)
            guard let number = fields.first.flatMap({ UInt64($0) }) else {
                warnings.append(ParseWarning(section: subject, line: line, message: "no number after the name"))
                continue
            }
            // Every size in meminfo is in kB (KiB) where a unit is printed; counts (HugePages_Total) have none.
            let (bytes, overflow) = number.multipliedReportingOverflow(by: fields.count > 1 ? 1024 : 1)
            guard !overflow else {
                warnings.append(ParseWarning(section: subject, line: line, message: "value too large"))
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
            warnings.append(ParseWarning(section: subject, message: "no memory figures"))
            return nil
        }
        return memory
    }
}
