/// Reads `ubus call system info`: `uptime` in seconds, `load` as three integers scaled by 65536 (the
/// kernel's fixed-point load), and `memory` in bytes.
enum SystemInfoParser {
    static func parse(_ text: String, subject: String) -> ParseResult<SystemInfo?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> SystemInfo? {
        guard let root = JSONSectionReader.object(text, warnings: &warnings) else { return nil }
        var info = SystemInfo(uptimeSeconds: root.int("uptime", &warnings))
        let load = root.array("load", &warnings).compactMap(\.double).filter { $0.isFinite && $0 >= 0 }
        if load.count >= 3 {
            info.load = LoadAverage(
                oneMinute: load[0] / 65536, fiveMinutes: load[1] / 65536, fifteenMinutes: load[2] / 65536)
        } else if root.raw("load") != nil {
            warnings.add("'load' has fewer than three numbers")
        }
        info.memory = root.object("memory", &warnings).map { memory in
            MemoryUsage(
                totalBytes: bytes(memory, "total", &warnings),
                freeBytes: bytes(memory, "free", &warnings),
                availableBytes: bytes(memory, "available", &warnings),
                buffersBytes: bytes(memory, "buffered", &warnings),
                cachedBytes: bytes(memory, "cached", &warnings))
        }
        return info
    }

    private static func bytes(_ fields: JSONFields, _ key: String, _ warnings: inout WarningCollector) -> UInt64? {
        guard let value = fields.int(key, &warnings) else { return nil }
        guard value >= 0 else {
            warnings.add("'\(fields.path).\(key)' is negative")
            return nil
        }
        return UInt64(value)
    }
}
