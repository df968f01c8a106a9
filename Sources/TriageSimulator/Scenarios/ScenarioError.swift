public import Foundation

/// A scenario that can't be served, with the file at fault and what is wrong with it.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or folder at fault (a `scenario.yaml`, a `commands/` file, a scenario folder).
    public let file: URL
    public let problem: String

    public init(file: URL, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file.path): \(problem)" }
}
