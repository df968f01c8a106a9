import SSHTransport
import TriageCore

/// SSH settings as one level of the inventory gives them (defaults, a group, or a device).
/// Unset fields fall through to the level below; `resolve` applies the built-in defaults last.
struct SettingsLayer {
    var port: Int?
    var user: String?
    var credentials: [SSHCredential]?
    var hostKeyPolicy: HostKeyPolicy?
    var knownHosts: String?
    var algorithms: String?
    var connectSeconds: Double?
    var loginSeconds: Double?
    var commandSeconds: Double?
    var outputLimitBytes: Int?
    var processSSHConfig: Bool?
    var connectAttempts: Int?
    var retrySpacingSeconds: Double?

    static let keys: Set<String> = [
        "port", "user", "credentials", "host_key_policy", "known_hosts", "algorithms", "timeouts",
        "output_limit_bytes", "process_ssh_config", "retries",
    ]
    static let retryKeys: Set<String> = ["attempts", "spacing_seconds"]
    static let timeoutKeys: Set<String> = ["connect_seconds", "login_seconds", "command_seconds"]
    static let algorithmNames = ["modern": SSHAlgorithms.modern, "legacy": SSHAlgorithms.legacy]

    /// `self` on top of `lower`.
    func over(_ lower: SettingsLayer) -> SettingsLayer {
        SettingsLayer(
            port: port ?? lower.port, user: user ?? lower.user, credentials: credentials ?? lower.credentials,
            hostKeyPolicy: hostKeyPolicy ?? lower.hostKeyPolicy, knownHosts: knownHosts ?? lower.knownHosts,
            algorithms: algorithms ?? lower.algorithms, connectSeconds: connectSeconds ?? lower.connectSeconds,
            loginSeconds: loginSeconds ?? lower.loginSeconds, commandSeconds: commandSeconds ?? lower.commandSeconds,
            outputLimitBytes: outputLimitBytes ?? lower.outputLimitBytes, processSSHConfig: processSSHConfig ?? lower.processSSHConfig,
            connectAttempts: connectAttempts ?? lower.connectAttempts,
            retrySpacingSeconds: retrySpacingSeconds ?? lower.retrySpacingSeconds)
    }

    /// How often a device is tried before it counts as unreachable, and how far apart.
    var retryPolicy: ConnectRetryPolicy {
        let standard = ConnectRetryPolicy.standard
        return ConnectRetryPolicy(
            attempts: connectAttempts ?? standard.attempts,
            spacing: retrySpacingSeconds.map { .milliseconds(Int64($0 * 1000)) } ?? standard.spacing)
    }

    func configuration(host: String, defaultKnownHosts: String) -> SSHClientConfiguration {
        let standard = SSHDeadlines.standard
        return SSHClientConfiguration(
            endpoint: SSHEndpoint(host: host, port: port ?? 22, user: user ?? "root"),
            credentials: credentials ?? [],
            hostKeyPolicy: hostKeyPolicy ?? .strict,
            knownHostsPath: knownHosts ?? defaultKnownHosts,
            algorithms: Self.algorithmNames[algorithms ?? "modern"] ?? .modern,
            deadlines: SSHDeadlines(
                connect: connectSeconds.map { .milliseconds(Int64($0 * 1000)) } ?? standard.connect,
                login: loginSeconds.map { .milliseconds(Int64($0 * 1000)) } ?? standard.login,
                command: commandSeconds.map { .milliseconds(Int64($0 * 1000)) } ?? standard.command),
            outputLimit: outputLimitBytes ?? SSHClientConfiguration.defaultOutputLimit,
            processUserConfig: processSSHConfig ?? false)
    }
}
