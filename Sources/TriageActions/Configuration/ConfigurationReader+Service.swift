import Yams

extension ConfigurationReader {
    /// `service:`: listen, concurrency, tokens (name and sha256), signing_secret_file or
    /// signing_secret_env, shutdown_grace_seconds, delivery_interval_seconds, worker_id,
    /// job_lease_seconds.
    func service(_ node: Node?) throws(ConfigurationError) -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        guard let node else { return configuration }
        let fields = try mapping(node, path: "service", allowed: [
            "listen", "concurrency", "tokens", "signing_secret_file", "signing_secret_env",
            "shutdown_grace_seconds", "delivery_interval_seconds", "worker_id", "job_lease_seconds",
        ])
        if let listen = fields["listen"] {
            (configuration.host, configuration.port) = try hostAndPort(listen)
        }
        if let node = fields["concurrency"] {
            configuration.concurrency = try wholeNumber(node, path: "service.concurrency",
                                                        in: ServiceConfiguration.concurrencyLimits, unit: "jobs")
        }
        if let node = fields["tokens"] { configuration.tokens = try tokens(node) }
        if fields["signing_secret_file"] != nil || fields["signing_secret_env"] != nil {
            configuration.signingSecret = try secret(fields, fileKey: "signing_secret_file", envKey: "signing_secret_env",
                                                     section: "service")
        }
        if let node = fields["shutdown_grace_seconds"] {
            configuration.shutdownGrace = try seconds(node, path: "service.shutdown_grace_seconds",
                                                      in: ServiceConfiguration.shutdownGraceLimits)
        }
        if let node = fields["delivery_interval_seconds"] {
            configuration.deliveryInterval = try seconds(node, path: "service.delivery_interval_seconds",
                                                         in: ServiceConfiguration.deliveryIntervalLimits)
        }
        if let node = fields["worker_id"] { configuration.workerID = try workerID(node) }
        if let node = fields["job_lease_seconds"] {
            configuration.jobLease = try seconds(node, path: "service.job_lease_seconds", in: ServiceConfiguration.jobLeaseLimits)
        }
        return configuration
    }

    /// A name other workers and the metrics show: printable, no spaces, at most 128 characters.
    private func workerID(_ node: Node) throws(ConfigurationError) -> String {
        let text = try string(node, path: "service.worker_id")
        let allowed = text.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || "0123456789._:-".unicodeScalars.contains($0) }
        guard !text.isEmpty, text.count <= 128, allowed else {
            throw problem("service.worker_id must be 1 to 128 letters, digits, '.', '_', ':' or '-', e.g. controller-2", node)
        }
        return text
    }

    /// "host:port" or "[v6]:port".
    private func hostAndPort(_ node: Node) throws(ConfigurationError) -> (String, Int) {
        let text = try string(node, path: "service.listen")
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port)
        else { throw problem("service.listen must be host:port with a port from 1 to 65535, e.g. 127.0.0.1:8480", node) }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw problem("service.listen needs a host before the port, e.g. 127.0.0.1:8480", node) }
        return (host, port)
    }

    private func tokens(_ node: Node) throws(ConfigurationError) -> [ServiceConfiguration.Token] {
        guard case .sequence(let entries) = node else {
            throw problem("service.tokens must be a list of {name, sha256}", node)
        }
        var tokens: [ServiceConfiguration.Token] = []
        for (index, entry) in entries.enumerated() {
            let path = "service.tokens[\(index)]"
            let fields = try mapping(entry, path: path, allowed: ["name", "sha256"])
            guard let name = fields["name"], let hash = fields["sha256"] else {
                throw problem("\(path) needs a name and a sha256", entry)
            }
            let hex = try string(hash, path: "\(path).sha256").lowercased()
            guard let bytes = ServiceConfiguration.bytes(hex: hex), bytes.count == 32 else {
                throw problem("\(path).sha256 must be 64 hex digits, the SHA-256 of the token "
                    + "(`triage serve hash-token` prints it), never the token itself", hash)
            }
            tokens.append(.init(name: try string(name, path: "\(path).name"), sha256: bytes))
        }
        return tokens
    }
}
