/// A problem with the config file: where, and what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var problem: String
    public var file: String?

    public init(_ problem: String, file: String? = nil) {
        self.problem = problem
        self.file = file
    }

    public var description: String {
        guard let file else { return "config: \(problem)" }
        return "config \(file): \(problem)"
    }
}
