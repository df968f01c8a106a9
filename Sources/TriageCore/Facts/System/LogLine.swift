/// One line of the device log as evidence: its 1-based number in the section's output and its text.
public struct LogLine: Sendable, Hashable, Codable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
