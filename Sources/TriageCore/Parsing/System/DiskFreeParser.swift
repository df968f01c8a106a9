/// Reads `df -k`: a header, then `filesystem 1K-blocks used available use% mountpoint` per mount.
///
/// Some df builds wrap a long filesystem name onto a line of its own; the figures follow on the next line.
enum DiskFreeParser {
    static func parse(_ text: String, subject: String) -> ParseResult<[FilesystemUsage]> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> [FilesystemUsage] {
        var mounts: [FilesystemUsage] = []
        var wrappedName: Substring?
        for line in TextLines.numbered(text) where !line.isBlank {
            var fields = line.fields[...]
            if fields.first == "Filesystem" { continue }
            if fields.count == 1 {
                wrappedName = fields.first
                continue
            }
            // The figures of a wrapped line start with a number where a name would stand.
            if let name = wrappedName, let first = fields.first, UInt64(first) != nil {
                fields.insert(name, at: fields.startIndex)
            }
            wrappedName = nil
            guard fields.count >= 6 else {
                warnings.add("fewer than six columns", line: line.number)
                continue
            }
            let numbers = fields.dropFirst().prefix(3).map { UInt64($0) }
            let percent = fields[fields.startIndex + 4]
            // A mount point with spaces spreads over the remaining fields.
            let usage = FilesystemUsage(
                filesystem: String(fields[fields.startIndex]),
                mountPoint: fields.dropFirst(5).joined(separator: " "),
                totalKiB: numbers[0], usedKiB: numbers[1], availableKiB: numbers[2],
                usePercent: percent.hasSuffix("%") ? Int(percent.dropLast()) : nil)
            if numbers.contains(nil) || (usage.usePercent == nil && percent != "-") {
                warnings.add("unreadable figures", line: line.number)
            }
            if !usage.mountPoint.hasPrefix("/") {
                warnings.add("mount point is not a path", line: line.number)
            }
            mounts.append(usage)
        }
        if let name = wrappedName {
            warnings.add("'\(name)' without figures at the end")
        }
        return mounts
    }
}
