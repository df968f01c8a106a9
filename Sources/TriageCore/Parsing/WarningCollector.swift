/// Collects the warnings of one section, capped so that garbage output cannot flood the facts.
struct WarningCollector {
    static let maximumPerSection = 20

    let section: String
    private(set) var warnings: [ParseWarning] = []

    init(section: String) {
        self.section = section
    }

    mutating func add(_ message: String, line: Int? = nil) {
        guard warnings.count <= Self.maximumPerSection else { return }
        if warnings.count == Self.maximumPerSection {
            warnings.append(ParseWarning(section: section, message: "further warnings not listed"))
            return
        }
        warnings.append(ParseWarning(section: section, line: line, message: message))
    }

    /// Turns `LenientJSON` problems into warnings; the problem text already says where.
    mutating func add(jsonProblems problems: [String]) {
        for problem in problems { add("JSON: \(problem)") }
    }

    func result<Value>(_ value: Value) -> ParseResult<Value> {
        ParseResult(value: value, warnings: warnings)
    }
}
