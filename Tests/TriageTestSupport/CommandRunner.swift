import Foundation
import Subprocess
import SystemPackage

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
        let target: Executable = executable.hasPrefix("/") ? .path(FilePath(executable)) : .name(executable)
        let env: Environment = .inherit.updating(Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(rawValue: $0.key)!, Optional($0.value)) }))
        let result = try await Subprocess.run(
            target, arguments: Arguments(arguments), environment: env,
            input: .string(stdin ?? ""), output: .string(limit: 16 * 1024 * 1024), error: .string(limit: 1024 * 1024))
        let status: Int32 = switch result.terminationStatus {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
        let output = Output(status: status, stdout: result.standardOutput, stderr: result.standardError)
        if checked && status != 0 {
            throw CommandFailed(command: ([executable] + arguments).joined(separator: " "), output: output)
        }
        return output
    }

    public struct CommandFailed: Error, CustomStringConvertible {
        public let command: String
        public let output: Output
        public var description: String { "\(command) exited \(output.status): \(output.stderr)" }
    }
}
