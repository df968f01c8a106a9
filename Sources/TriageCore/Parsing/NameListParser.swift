/// Reads output that is a plain list of names, one per line (`ubus list`, a folder listing),
/// keeping the lines that look like names and warning about the rest.
enum NameListParser {
    /// `extraCharacters` are allowed besides ASCII letters and digits; `noun` names an entry in
    /// warnings ("object name", "phy name").
    static func parse(
        _ text: String, subject: String, extraCharacters: String, noun: String
    ) -> ParseResult<[String]> {
        var warnings = WarningCollector(section: subject)
        var names: [String] = []
        for line in TextLines.numbered(text) {
            let name = line.trimmed
            if name.isEmpty { continue }
            let isName = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || extraCharacters.contains($0)) }
            guard isName else {
                warnings.add("not a \(noun): '\(name.prefix(80))'", line: line.number)
                continue
            }
            names.append(String(name))
        }
        return warnings.result(names)
    }
}
