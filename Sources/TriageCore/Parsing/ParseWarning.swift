/// Something a parser could not read. Parsers keep what they can and attach warnings for the
/// rest; they never throw on bad device output.
public struct ParseWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The section subject (command line or file path) the warning is about.
    public var section: String
    /// 1-based line number in the section's output, where one applies.
    public var line: Int?
    public var message: String

    public init(section: String, line: Int? = nil, message: String) {
        self.section = section
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(section):\(line): \(message)" }
        return "\(section): \(message)"
    }
}
