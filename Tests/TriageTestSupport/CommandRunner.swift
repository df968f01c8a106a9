import ChildProcess
import Foundation

/// Runs short helper programs (key generators, shells) for tests and returns what they printed.
public enum CommandRunner {
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `executable` (an absolute path or a name on PATH) and waits for it.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           stdin: String? = nil, checked: Bool = true) async throws -> Output {
        let inherited = ProcessInfo.processInfo.environment
        let result = try await ChildProcess.collect(
            executable: try resolve(executable, path: inherited["PATH"] ?? "/usr/bin:/bin"), arguments: arguments,
            environment: inherited.merging(environment) { $1 }, input: Array((stdin ?? "").utf8))
        let status: Int32 = switch result.termination {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
        let output = Output(status: status, stdout: String(decoding: result.standardOutput, as: UTF8.self),
                            stderr: String(decoding: result.standardError, as: UTF8.self))
        if checked && status != 0 {
            throw CommandFailed(command: ([executable] + arguments).joined(separator: " "), output: output)
        }
        return output
    }

    /// An absolute path as it is; a bare name looked up in `path`, as a shell would.
    static func resolve(_ executable: String, path: String) throws -> String {
        if executable.contains("/") { return executable }
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw NotFound(executable: executable, path: path)
    }

    public struct NotFound: Error, CustomStringConvertible {
        public let executable: String
        public let path: String
        public var description: String { "\(executable): not found in PATH \(path)" }
    }

    public struct CommandFailed: Error, CustomStringConvertible {
        public let command: String
        public let output: Output
        public var description: String { "\(command) exited \(output.status): \(output.stderr)" }
    }
}
