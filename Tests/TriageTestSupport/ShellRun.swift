import Subprocess
import SystemPackage

/// What a shell run printed and how it ended.
public struct ShellRunResult: Sendable {
    /// The exit code, or `nil` if a signal ended the process.
    public let exitCode: Int32?
    public let standardOutput: [UInt8]
    public let standardError: String
}

/// Runs short-lived shells from tests (with swift-subprocess, which resets the signal mask).
public enum ShellRun {
    /// Runs `executable` with `arguments`, exactly `environment` (nothing inherited) and `input`
    /// on stdin, and collects both outputs (up to 16 MiB of stdout).
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        input: [UInt8] = []
    ) async throws -> ShellRunResult {
        var variables: [Environment.Key: String] = [:]
        for (name, value) in environment { variables[Environment.Key(stringLiteral: name)] = value }
        let result = try await Subprocess.run(
            .path(FilePath(executable)),
            arguments: Arguments(arguments),
            environment: .custom(variables),
            input: .array(input),
            output: .bytes(limit: 16 << 20),
            error: .string(limit: 1 << 20)
        )
        let code: Int32? = if case .exited(let status) = result.terminationStatus { status } else { nil }
        return ShellRunResult(exitCode: code, standardOutput: result.standardOutput,
                              standardError: result.standardError)
    }
}
