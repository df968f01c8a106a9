import ChildProcess

/// What a shell run printed and how it ended.
public struct ShellRunResult: Sendable {
    /// The exit code, or `nil` if a signal ended the process.
    public let exitCode: Int32?
    public let standardOutput: [UInt8]
    public let standardError: String
}

/// Runs short-lived shells from tests (with default signal dispositions and an empty mask).
public enum ShellRun {
    /// Runs `executable` with `arguments`, exactly `environment` (nothing inherited) and `input`
    /// on stdin, and collects both outputs (up to 16 MiB of stdout).
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        input: [UInt8] = []
    ) async throws -> ShellRunResult {
        let result = try await ChildProcess.collect(
            executable: executable, arguments: arguments, environment: environment, input: input, outputLimit: 16 << 20)
        return ShellRunResult(exitCode: result.exitCode, standardOutput: result.standardOutput,
                              standardError: String(decoding: result.standardError, as: UTF8.self))
    }
}
