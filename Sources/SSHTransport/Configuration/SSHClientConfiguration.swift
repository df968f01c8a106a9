/// Everything needed to open one SSH session to one device.
public struct SSHClientConfiguration: Sendable, Hashable {
    public var endpoint: SSHEndpoint
    /// Tried in order until one is accepted.
    public var credentials: [SSHCredential]
    public var hostKeyPolicy: HostKeyPolicy
    /// The known_hosts file host keys are checked against (and pinned into, under `accept-new`).
    public var knownHostsPath: String
    public var algorithms: SSHAlgorithms
    public var deadlines: SSHDeadlines
    /// Bytes of stdout and stderr together that one command may print before it is cut off.
    public var outputLimit: Int
    /// Whether libssh may read `~/.ssh/config` and `/etc/ssh/ssh_config`. Off by default, so that a
    /// user's own configuration cannot silently change what Triage does.
    public var processUserConfig: Bool

    public static let defaultOutputLimit = 4 * 1024 * 1024

    public init(
        endpoint: SSHEndpoint,
        credentials: [SSHCredential],
        hostKeyPolicy: HostKeyPolicy = .strict,
        knownHostsPath: String,
        algorithms: SSHAlgorithms = .modern,
        deadlines: SSHDeadlines = .standard,
        outputLimit: Int = SSHClientConfiguration.defaultOutputLimit,
        processUserConfig: Bool = false
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.hostKeyPolicy = hostKeyPolicy
        self.knownHostsPath = knownHostsPath
        self.algorithms = algorithms
        self.deadlines = deadlines
        self.outputLimit = outputLimit
        self.processUserConfig = processUserConfig
    }
}
