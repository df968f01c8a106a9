/// The `name<separator>value` lines of files such as `/proc/meminfo` (`MemTotal: 125528 kB`) and
/// `/etc/openwrt_release` (`DISTRIB_ID='OpenWrt'`), with names and values trimmed. A non-blank line
/// without the separator becomes a warning.
enum KeyValueLines {
    static func parse(
        _ text: String, separator: Character, subject: String, warnings: inout WarningCollector
    ) -> [(line: Int, name: String, value: String)] {
        TextLines.numbered(text).compactMap { line in
            guard !line.isBlank else { return nil }
            guard let index = line.text.firstIndex(of: separator) else {
                warnings.add("not a 'name\(separator)value' line", line: line.number)
                return nil
            }
            let value = line.text[line.text.index(after: index)...]
            return (line.number, String(line.text[..<index].trimmingBlanks()), String(value.trimmingBlanks()))
        }
    }
}
