/// A problem with the config file: where (file and line), and what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var problem: String
    public var file: String?
    public var line: Int?

    public init(_ problem: String, file: String? = nil, line: Int? = nil) {
        self.problem = problem
        self.file = file
        self.line = line
    }

    /// `config FILE:LINE: problem`, as compilers write it, so editors and terminals can jump there.
    public var description: String {
        let place = [file, line.map(String.init)].compactMap(\.self).joined(separator: ":")
        return place.isEmpty ? "config: \(problem)" : "config \(place): \(problem)"
    }
}
