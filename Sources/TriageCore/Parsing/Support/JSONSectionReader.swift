/// Reads a section of ubus JSON with the lenient reader, turning what it could not read into warnings.
enum JSONSectionReader {
    /// The top-level object, or `nil` where the output holds no object at all.
    static func object(_ text: String, warnings: inout WarningCollector) -> JSONFields? {
        guard !text.allSatisfy(\.isWhitespace) else {
            warnings.add("empty output")
            return nil
        }
        let result = LenientJSON.parse(text)
        warnings.add(jsonProblems: result.problems)
        // The reader says where the input ended; say it here only if it did not.
        if !result.isComplete, result.problems.isEmpty {
            warnings.add("JSON ends early; read what there is")
        }
        guard let value = result.value else {
            if result.problems.isEmpty { warnings.add("no JSON value") }
            return nil
        }
        guard value.object != nil else {
            warnings.add("the JSON value is not an object")
            return nil
        }
        return JSONFields(value)
    }
}
