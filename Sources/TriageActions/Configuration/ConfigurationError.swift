public import TriageCore

/// A problem with the config file: where (file and line), and what is wrong. The user's to fix.
public struct ConfigurationError: TriageError {
    public var problem: String
    public var file: String?
    public var line: Int?

    public init(_ problem: String, file: String? = nil, line: Int? = nil) {
        self.problem = problem
        self.file = file
        self.line = line
    }

    public var kind: TriageErrorKind { .usage }
    public var remedy: String { "" }

    /// `config FILE:LINE: problem`, as compilers write it, so editors and terminals can jump there.
    public var message: String {
        let place = [file, line.map(String.init)].compactMap(\.self).joined(separator: ":")
        return place.isEmpty ? "config: \(problem)" : "config \(place): \(problem)"
    }
}
