public import ChildProcess
import Foundation
import Glibc

/// A long-running program (an SSH server, ssh-agent, rt-server, `triage simulate`) kept alive
/// while a test body runs: started with /dev/null as stdin and stdout, stopped with SIGTERM after
/// the body, and reaped.
public enum BackgroundProcess {
    public struct Started: Sendable {
        public let child: ChildProcess
        let name: String
        let logPath: String?
        public var processIdentifier: Int32 { child.processIdentifier }

        /// Polls `isReady` until it holds. Stops as soon as the process has exited (a server that
        /// refused its configuration is not waited for: `run` then throws `StartFailed` with its
        /// exit status and log), or after `timeout`.
        public func waitUntil(
            _ what: String, timeout: Duration = .seconds(120), isReady: () async -> Bool
        ) async throws {
            let deadline = ContinuousClock.now + timeout
            while await !isReady() {
                if child.hasExited { throw ExitedBeforeReady(what: what) }
                if ContinuousClock.now > deadline {
                    throw StartFailed(name: name, what: "\(what) within \(timeout)", termination: nil, logTail: logTail())
                }
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        /// The last lines of the process's stderr (or of the log it was told to write).
        func logTail() -> String {
            guard let logPath, let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return "" }
            return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(30).joined(separator: "\n")
        }
    }

    /// Thrown by `waitUntil`, turned by `run` into `StartFailed` once the process is reaped.
    struct ExitedBeforeReady: Error {
        let what: String
    }

    /// A background program that never became ready: which, for what, how it ended, its log.
    public struct StartFailed: Error, CustomStringConvertible {
        public let name: String
        public let what: String
        /// How the process ended, when it ended before it was ready.
        public let termination: ChildProcess.Termination?
        public let logTail: String

        public var description: String {
            let ending = termination.map { "\(name) ended (\($0)) before \(what)" } ?? "\(name) was not ready: \(what)"
            return logTail.isEmpty ? ending : "\(ending); the end of its log:\n\(logTail)"
        }
    }

    /// Runs `body` while `executable` runs, then sends `stopSignal` (unless the body ended the
    /// process itself) and waits for it. Returns the body's result and how the process ended.
    /// stderr goes to `standardErrorPath` when given, else to /dev/null; `logPath` names the log
    /// that `StartFailed` quotes (the stderr file by default).
    public static func run<T: Sendable>(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        inheritEnvironment: Bool = true, standardErrorPath: String? = nil, logPath: String? = nil,
        stopSignal: Int32 = 15 /* SIGTERM */, body: (Started) async throws -> T
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
        let started = Started(
            child: child, name: URL(fileURLWithPath: executable).lastPathComponent, logPath: logPath ?? standardErrorPath)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(started))
        } catch {
            outcome = .failure(error)
        }
        child.send(stopSignal)
        let termination = await child.waitForTermination()
        if case .failure(let error as ExitedBeforeReady) = outcome {
            // Now that it is reaped: say how it ended, and what it logged.
            throw StartFailed(name: started.name, what: error.what, termination: termination, logTail: started.logTail())
        }
        return (try outcome.get(), termination)
    }
}
