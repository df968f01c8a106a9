/// A condition that cannot be read, with the character position of the problem in its text.
public struct ExpressionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 0-based offset in characters into the condition's text.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "column \(offset + 1) of the condition: \(message)" }
}
