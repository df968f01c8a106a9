public import Foundation

/// The `service:` section of the config file: how `triage serve` listens, who may call it and
/// how many diagnoses it runs at once (Docs/operations.md lists every key).
public struct ServiceConfiguration: Sendable, Hashable {
    /// A caller's bearer token, known only by its SHA-256: the config never holds the token.
    public struct Token: Sendable, Hashable {
        /// Who holds it, for the logs ("first-level-crm").
        public var name: String
        /// The token's SHA-256, 32 bytes.
        public var sha256: [UInt8]

        public init(name: String, sha256: [UInt8]) {
            self.name = name
            self.sha256 = sha256
        }
    }

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8480
    public static let concurrencyLimits = 1...256
    public static let shutdownGraceLimits: ClosedRange<Double> = 0...3_600
    public static let deliveryIntervalLimits: ClosedRange<Double> = 1...3_600
    public static let jobLeaseLimits: ClosedRange<Double> = 3...3_600

    /// Loopback by default: put a TLS reverse proxy in front to reach it from elsewhere.
    public var host: String
    public var port: Int
    /// Jobs diagnosed at once (at most one per device).
    public var concurrency: Int
    public var tokens: [Token]
    /// The HMAC key for signed requests; nil: signatures are not accepted.
    public var signingSecret: SecretReference?
    /// On SIGTERM, how long running jobs may take to finish before they are handed back to the queue.
    public var shutdownGrace: TimeInterval
    /// How often the outbox is delivered besides after each job (retries of failed deliveries).
    public var deliveryInterval: TimeInterval
    /// This process's name in the shared job queue and the metrics; nil: `<hostname>-<pid>`.
    public var workerID: String?
    /// How long a claimed job is this worker's without a renewal (renewed every third of it while
    /// it runs). After a worker dies, its jobs wait this long before another worker takes them.
    public var jobLease: TimeInterval

    public init(host: String = defaultHost, port: Int = defaultPort, concurrency: Int = 8, tokens: [Token] = [],
                signingSecret: SecretReference? = nil, shutdownGrace: TimeInterval = 30, deliveryInterval: TimeInterval = 30,
                workerID: String? = nil, jobLease: TimeInterval = 60) {
        self.host = host
        self.port = port
        self.concurrency = concurrency
        self.tokens = tokens
        self.signingSecret = signingSecret
        self.shutdownGrace = shutdownGrace
        self.deliveryInterval = deliveryInterval
        self.workerID = workerID
        self.jobLease = jobLease
    }

    /// `workerID`, or `<hostname>-<pid>`: unique while the process lives, new after a restart
    /// (a restarted worker does not inherit the jobs of the one that died; their leases expire).
    public func effectiveWorkerID(hostName: String = ProcessInfo.processInfo.hostName,
                                  processID: Int32 = ProcessInfo.processInfo.processIdentifier) -> String {
        workerID ?? "\(hostName)-\(processID)"
    }

    /// Reads the signing secret now (file or environment variable); nil when none is configured.
    /// The caller keeps it in memory only: it is never logged or stored.
    public func readSigningSecret(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError) -> String? {
        try signingSecret?.read(environment: environment)
    }

    /// Hex digits to bytes (token hashes, signatures); nil when any pair is not hex.
    public static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
