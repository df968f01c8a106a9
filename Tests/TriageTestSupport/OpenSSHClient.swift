public import Foundation
import Subprocess
import SystemPackage

/// OpenSSH's `ssh`, run against a simulated device: strict host keys, password from a file via
/// SSH_ASKPASS, no user or system configuration.
public struct OpenSSHClient: Sendable {
    public let host: String
    public let port: Int
    public let knownHosts: URL
    public let passwordFile: URL
    public let workDirectory: URL

    /// What one `ssh` run gave: its exit (nil when the deadline ended it) and what it printed.
    public struct Result: Sendable {
        public var exitCode: Int32?
        public var stdout: String
        public var stderr: String
        /// Every byte of stdout, even past what `stdout` keeps.
        public var stdoutBytes: Int
        public var elapsed: Duration
    }

    /// Runs `command`; stops the client at `deadline` or once `stopAfterBytes` of stdout arrived.
    public func run(
        _ command: String, stdin: String? = nil, deadline: Duration = .seconds(30), stopAfterBytes: Int = .max
    ) async throws -> Result {
        let askpass = workDirectory.appendingPathComponent("askpass.sh")
        if !FileManager.default.fileExists(atPath: askpass.path) {
            try Data("#!/bin/sh\ncat '\(passwordFile.path)'\n".utf8).write(to: askpass)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: askpass.path)
        }
        let arguments = [
            "-F", "/dev/null", "-p", "\(port)", "-l", "root",
            "-o", "UserKnownHostsFile=\(knownHosts.path)", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "StrictHostKeyChecking=yes", "-o", "PubkeyAuthentication=no",
            "-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1",
            "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", host, command,
        ]
        let environment: [Environment.Key: String] = [
            "SSH_ASKPASS": askpass.path, "SSH_ASKPASS_REQUIRE": "force", "PATH": "/usr/bin:/bin",
        ]
        let started = ContinuousClock.now
        let collector = OutputCollector()
        let outcome = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask {
                let result = try await Subprocess.run(
                    .path("/usr/bin/ssh"), arguments: Arguments(arguments), environment: .custom(environment),
                    input: .string(stdin ?? ""), output: .sequence, error: .sequence
                ) { execution in
                    let pid = execution.processIdentifier.value
                    try await collector.drain(execution.standardOutput, execution.standardError, stopAfter: stopAfterBytes) {
                        kill(pid, SIGTERM)
                    }
                }
                if case .exited(let code) = result.terminationStatus { return code }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        let output = await collector.snapshot()
        return Result(
            exitCode: outcome, stdout: output.stdout, stderr: output.stderr, stdoutBytes: output.stdoutBytes,
            elapsed: ContinuousClock.now - started)
    }
}
