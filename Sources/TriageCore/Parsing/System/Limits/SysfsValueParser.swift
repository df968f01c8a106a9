/// Reads the one-value sysfs and procfs files of the limits sections: a word (a zone's `type`, a
/// trip's type, a chip's `name`, the boot id) or an integer (`bootstatus`).
enum SysfsValueParser {
    /// The file's first line without blanks; `nil` (with a warning) when it is empty.
    static func word(_ text: String, subject: String) -> ParseResult<String?> {
        .reading(subject) { warnings in
            let value = text.prefix { !$0.isNewline }.trimmingBlanks()
            guard !value.isEmpty else {
                warnings.add("empty")
                return nil
            }
            guard value.count <= 64, value.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
                warnings.add("not a sysfs word: '\(value.prefix(40))'", line: 1)
                return nil
            }
            return String(value)
        }
    }

    /// A decimal integer (or `0x` hexadecimal, which some drivers print).
    static func integer(_ text: String, subject: String) -> ParseResult<Int?> {
        .reading(subject) { warnings in
            let value = text.trimmingBlanksAndNewlines()
            let number = value.hasPrefix("0x") ? Int(value.dropFirst(2), radix: 16) : Int(value)
            if number == nil { warnings.add(value.isEmpty ? "empty" : "'\(value.prefix(40))' is not a number", line: 1) }
            return number
        }
    }
}
