public import Foundation
import ChildProcess

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
    /// The connect timeout is a hang guard only: with the whole suite running, the banner
    /// exchange alone has taken more than 10 s on this 2-core machine.
    public func run(
        _ command: String, stdin: String? = nil, deadline: Duration = .seconds(30), stopAfterBytes: Int = .max
    ) async throws -> Result {
        let askpass = workDirectory.appendingPathComponent("askpass.sh")
        if !FileManager.default.fileExists(atPath: askpass.path) {
            // Made whole and executable under a name of its own, then renamed: clients run at once,
            // and one that found a half-written or not yet executable script failed its login.
            let draft = workDirectory.appendingPathComponent("askpass.\(UUID().uuidString).sh")
            try Data("#!/bin/sh\ncat '\(passwordFile.path)'\n".utf8).write(to: draft)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: draft.path)
            guard rename(draft.path, askpass.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: askpass.path])
            }
        }
        let arguments = [
            "-F", "/dev/null", "-p", "\(port)", "-l", "root",
            "-o", "UserKnownHostsFile=\(knownHosts.path)", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "StrictHostKeyChecking=yes", "-o", "PubkeyAuthentication=no",
            "-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1",
            "-o", "ConnectTimeout=30", "-o", "LogLevel=ERROR", host, command,
        ]
        let environment = [
            "SSH_ASKPASS": askpass.path, "SSH_ASKPASS_REQUIRE": "force", "PATH": "/usr/bin:/bin",
        ]
        let started = ContinuousClock.now
        let run = try await ChildProcess.collect(
            executable: "/usr/bin/ssh", arguments: arguments, environment: environment, input: Array((stdin ?? "").utf8),
            outputLimit: 1 << 20, deadline: deadline, stopAfterOutputBytes: stopAfterBytes)
        return Result(
            exitCode: run.endedByDeadline ? nil : run.exitCode, stdout: String(decoding: run.standardOutput, as: UTF8.self),
            stderr: String(decoding: run.standardError, as: UTF8.self), stdoutBytes: run.standardOutputBytes,
            elapsed: ContinuousClock.now - started)
    }
}
