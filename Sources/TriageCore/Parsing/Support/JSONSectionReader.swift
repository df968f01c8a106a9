/// Reads a section of ubus JSON with the lenient reader, turning what it could not read into warnings.
enum JSONSectionReader {
    /// The top-level object, or `nil` where the output holds no object at all.
    static func object(_ text: String, subject: String, warnings: inout [ParseWarning]) -> JSONFields? {
        guard !text.allSatisfy(\.isWhitespace) else {
            warnings.append(ParseWarning(section: subject, message: "empty output"))
            return nil
        }
        let result = LenientJSON.parse(text)
        for problem in result.problems {
            warnings.append(ParseWarning(section: subject, message: problem))
        }
        // The reader says where the input ended; say it here only if it did not.
        if !result.isComplete, result.problems.isEmpty {
            warnings.append(ParseWarning(section: subject, message: "JSON ends early; read what there is"))
        }
        guard let value = result.value else {
            if result.problems.isEmpty { warnings.append(ParseWarning(section: subject, message: "no JSON value")) }
            return nil
        }
        guard value.object != nil else {
            warnings.append(ParseWarning(section: subject, message: "the JSON value is not an object"))
            return nil
        }
        return JSONFields(value, subject: subject)
    }
}
