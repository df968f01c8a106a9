/// Reads the header line of a pstore crash record, `<Reason>#<count> Part<n>` (fs/pstore/platform.c,
/// `pstore_dump`), e.g. `Panic#1 Part1` or `Oops#2 Part1`. The probe sends only this line.
enum PstoreRecordParser {
    static func parse(_ text: String, file: String, subject: String) -> ParseResult<CrashRecord> {
        .reading(subject) { warnings in
            let line = text.prefix { !$0.isNewline }.trimmingBlanks()
            let words = line.split(separator: " ")
            guard let first = words.first, let hash = first.firstIndex(of: "#"),
                first[..<hash].allSatisfy({ $0.isASCII && $0.isLetter }), !first[..<hash].isEmpty
            else {
                warnings.add("not a pstore record header: '\(line.prefix(40))'", line: 1)
                return CrashRecord(file: file, reason: "unknown")
            }
            let part = words.count > 1 && words[1].hasPrefix("Part") ? Int(words[1].dropFirst(4)) : nil
            return CrashRecord(
                file: file, reason: first[..<hash].lowercased(), count: Int(first[first.index(after: hash)...]), part: part)
        }
    }
}
