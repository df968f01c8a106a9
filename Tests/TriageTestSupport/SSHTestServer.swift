public import Foundation
public import SSHTransport

/// A real SSH server (dropbear, as OpenWrt runs, or OpenSSH) started on loopback for one test,
/// with a generated host key, the shared client keys authorized, and a known_hosts file that
/// holds its host key.
public struct SSHTestServer: Sendable {
    public enum Kind: String, Sendable, CaseIterable, CustomStringConvertible {
        case dropbear, openssh
        /// OpenSSH configured like old router firmware: ssh-rsa, SHA-1 key exchange, CBC only.
        case opensshLegacyOnly = "openssh-legacy-only"
        public var description: String { rawValue }

        /// The servers every transport behaviour is tested against.
        public static let allCases: [Kind] = [.dropbear, .openssh]
    }

    public let kind: Kind
    public let host: String
    public let port: Int
    public let user: String
    public let directory: URL
    public let clientKeys: ClientKeys
    /// known_hosts holding this server's real host key.
    public let knownHostsPath: String
    /// The server's host key fingerprint as `type SHA256:…`.
    public let hostKeyFingerprint: String
    /// A file holding the user's password; dropbear only (OpenSSH here takes keys only).
    public let passwordFile: String?

    public var endpoint: SSHEndpoint { SSHEndpoint(host: host, port: port, user: user) }

    public func configuration(
        _ credentials: [SSHCredential]? = nil, policy: HostKeyPolicy = .strict, knownHosts: String? = nil,
        // Generous: tests run in parallel on small shared machines; tests of deadlines set their own.
        deadlines: SSHDeadlines = SSHDeadlines(connect: .seconds(20), login: .seconds(60), command: .seconds(60)),
        outputLimit: Int = SSHClientConfiguration.defaultOutputLimit
    ) -> SSHClientConfiguration {
        SSHClientConfiguration(
            endpoint: endpoint, credentials: credentials ?? [.privateKey(path: clientKeys.ed25519)],
            hostKeyPolicy: policy, knownHostsPath: knownHosts ?? knownHostsPath,
            deadlines: deadlines, outputLimit: outputLimit)
    }

    /// A known_hosts file in the server's folder that pins a different key for this host.
    public func knownHostsWithWrongKey() async throws -> String {
        let keyPath = directory.appendingPathComponent("other_host_key").path
        try await CommandRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keyPath])
        let publicKey = try String(contentsOfFile: keyPath + ".pub", encoding: .utf8)
        let path = directory.appendingPathComponent("known_hosts_wrong").path
        try "[\(host)]:\(port) \(publicKey)".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Starts a server of `kind`, runs `body`, then stops the server and reaps it.
    public static func with<T: Sendable>(_ kind: Kind, hostKeyType: String = "ed25519",
                                         _ body: @Sendable (SSHTestServer) async throws -> T) async throws -> T {
        let folder = try TemporaryDirectory(prefix: "triage-\(kind)")
        defer { folder.remove() }
        let keys = try await ClientKeys.shared()
        let port = try TestNetwork.freePort()
        let launch = try await ServerLaunch.prepare(kind, in: folder.url, port: port, keys: keys, hostKeyType: hostKeyType)
        let server = SSHTestServer(
            kind: kind, host: "127.0.0.1", port: port, user: launch.user, directory: folder.url, clientKeys: keys,
            knownHostsPath: launch.knownHostsPath, hostKeyFingerprint: launch.fingerprint, passwordFile: launch.passwordFile)

        let outcome = try await BackgroundProcess.run(
            launch.executable, launch.arguments, environment: launch.environment,
            standardErrorPath: folder.url.appendingPathComponent("stderr.log").path, logPath: launch.logPath
        ) { started -> Result<T, any Error> in
            try await started.waitUntil("listening on \(server.host):\(port)") {
                TestNetwork.isListening(host: server.host, port: port)
            }
            do {
                return .success(try await body(server))
            } catch {
                return .failure(error)
            }
        }
        try await ProcessCheck.waitUntilNoProcess(mentioning: folder.path)
        return try outcome.result.get()
    }
}
