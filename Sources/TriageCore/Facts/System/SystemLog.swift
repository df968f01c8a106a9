/// What the device log (`logread -l 300`, or `dmesg` where logread is missing) showed.
public struct SystemLog: Sendable, Hashable, Codable {
    /// The command that produced it.
    public var command: String
    /// Lines in the output, and the first line kept: only the last 300 are read, as with `logread -l 300`.
    public var lineCount: Int
    public var firstKeptLine: Int
    public var events: [LogEvent]

    public init(command: String, lineCount: Int, firstKeptLine: Int, events: [LogEvent]) {
        self.command = command
        self.lineCount = lineCount
        self.firstKeptLine = firstKeptLine
        self.events = events
    }
}
