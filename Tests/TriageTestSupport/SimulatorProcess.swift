public import Foundation
import ChildProcess
import Synchronization

/// A `triage simulate` process started by a test, with the files it wrote.
public struct RunningSimulator: Sendable {
    public let directory: URL
    public let port: Int
    public let processIdentifier: Int32

    public var inventory: URL { directory.appendingPathComponent("inventory.yaml") }
    public var knownHosts: URL { directory.appendingPathComponent("known_hosts") }
    public var passwordFile: URL { directory.appendingPathComponent("simulator-password") }
    public var readyFile: URL { directory.appendingPathComponent("ready") }
    public var log: URL { directory.appendingPathComponent("simulator.log") }

    /// An OpenSSH client pointed at this fleet, strict about host keys.
    public func client(host: String) -> OpenSSHClient {
        OpenSSHClient(host: host, port: port, knownHosts: knownHosts, passwordFile: passwordFile, workDirectory: directory)
    }
}

public enum SimulatorProcess {
    /// The simulator exited (or hung) before its ready file appeared: exit status and log included.
    public typealias StartFailed = BackgroundProcess.StartFailed

    /// Starts `triage simulate <arguments> --inventory-out <dir>/inventory.yaml --ready-file ... --port ...`,
    /// waits for the ready file, runs `body`, then sends SIGTERM and waits for the process to exit.
    /// Returns the body's result and the simulator's exit status. With `user` (a uid; the test
    /// must run as root, and `directory` must belong to that user), the simulator runs as that
    /// user through setpriv.
    @discardableResult
    public static func withSimulator<T: Sendable>(
        _ arguments: [String], in directory: URL, port: Int = PortAllocator.next(), user: Int? = nil,
        body: @Sendable (RunningSimulator) async throws -> T
    ) async throws -> (result: T, exitStatus: String) {
        let running = RunningSimulator(directory: directory, port: port, processIdentifier: 0)
        let simulate = [TriageExecutable.path, "simulate"] + arguments + [
            "--inventory-out", running.inventory.path, "--ready-file", running.readyFile.path, "--port", "\(port)",
        ]
        let command = user.map { ["/usr/bin/setpriv", "--reuid=\($0)", "--regid=\($0)", "--clear-groups"] + simulate } ?? simulate
        let outcome = try await BackgroundProcess.run(
            command[0], Array(command.dropFirst()),
            standardErrorPath: running.log.path
        ) { process in
            let started = RunningSimulator(directory: directory, port: port, processIdentifier: process.processIdentifier)
            try await process.waitUntil("its ready file \(started.readyFile.path) appeared") {
                FileManager.default.fileExists(atPath: started.readyFile.path)
            }
            return try await body(started)
        }
        return (outcome.result, "\(outcome.termination)")
    }
}

extension SimulatorProcess {
    /// Runs `triage simulate <arguments> --port <free>` where it is expected to refuse to start:
    /// returns its exit code and stderr. A simulator that starts anyway is stopped after 60 s
    /// (the exit code is then nil).
    public static func refusedStart(_ arguments: [String]) async throws -> (exitCode: Int32?, stderr: String) {
        let run = try await ChildProcess.collect(
            executable: TriageExecutable.path, arguments: ["simulate"] + arguments + ["--port", "\(PortAllocator.next())"],
            environment: ProcessInfo.processInfo.environment, deadline: .seconds(60))
        return (run.endedByDeadline ? nil : run.exitCode, String(decoding: run.standardError, as: UTF8.self))
    }
}

/// Distinct ports for fleets started by tests running in parallel (the devices' addresses repeat).
public enum PortAllocator {
    private static let counter = Mutex(20_000 + Int(getpid() % 400) * 50)

    public static func next() -> Int {
        counter.withLock { value in
            value += 1
            return value
        }
    }
}
