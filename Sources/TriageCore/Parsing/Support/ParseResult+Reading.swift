extension ParseResult {
    /// The value `read` returns, with the warnings it collected for `section` (capped by the collector).
    static func reading(_ section: String, _ read: (inout WarningCollector) -> Value) -> ParseResult {
        var warnings = WarningCollector(section: section)
        let value = read(&warnings)
        return warnings.result(value)
    }
}

extension ParseResult {
    /// The value, with the warnings moved to a facts group's list.
    func value(addingWarningsTo list: inout [ParseWarning]) -> Value {
        list += warnings
        return value
    }
}
