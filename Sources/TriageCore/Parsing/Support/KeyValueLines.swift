/// The `name<separator>value` lines of files such as `/proc/meminfo` (`MemTotal: 125528 kB`) and
/// `/etc/openwrt_release` (`DISTRIB_ID='OpenWrt'`), with names and values trimmed. A non-blank line
/// without the separator becomes a warning.
enum KeyValueLines {
    static func parse(
        _ text: String, separator: Character, subject: String, warnings: inout [ParseWarning]
    ) -> [(line: Int, name: String, value: String)] {
        NumberedLine.split(text).compactMap { line in
            guard !line.isBlank else { return nil }
            guard let index = line.text.firstIndex(of: separator) else {
                warnings.append(
                    ParseWarning(section: subject, line: line.number, message: "not a 'name\(separator)value' line"))
                return nil
            }
            let value = line.text[line.text.index(after: index)...]
            return (line.number, line.text[..<index].trimmingWhitespace(), value.trimmingWhitespace())
        }
    }
}
