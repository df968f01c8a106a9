public import ChildProcess
import Foundation
import Glibc

/// A long-running program (an SSH server, ssh-agent, rt-server, `triage simulate`) kept alive
/// while a test body runs: started with /dev/null as stdin and stdout, stopped with SIGTERM after
/// the body, and reaped.
public enum BackgroundProcess {
    public struct Started: Sendable {
        public let child: ChildProcess
        public var processIdentifier: Int32 { child.processIdentifier }
    }

    /// Runs `body` while `executable` runs, then sends `stopSignal` (unless the body ended the
    /// process itself) and waits for it. Returns the body's result and how the process ended.
    /// stderr goes to `standardErrorPath` when given, else to /dev/null.
    public static func run<T: Sendable>(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        inheritEnvironment: Bool = true, standardErrorPath: String? = nil, stopSignal: Int32 = 15 /* SIGTERM */,
        body: (Started) async throws -> T
    ) async throws -> (result: T, termination: ChildProcess.Termination) {
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        let errorFD = standardErrorPath.map { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) } ?? devNull
        defer {
            close(devNull)
            if errorFD != devNull { close(errorFD) }
        }
        let base = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
        let child = try ChildProcess(
            executable: executable, arguments: arguments, environment: base.merging(environment) { $1 },
            standardInput: devNull, standardOutput: devNull, standardError: errorFD)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(Started(child: child)))
        } catch {
            outcome = .failure(error)
        }
        child.send(stopSignal)
        let termination = await child.waitForTermination()
        return (try outcome.get(), termination)
    }
}
