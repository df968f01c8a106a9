/// A simulator that can't start or keep running: what failed and what to do about it.
public struct SimulatorError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
