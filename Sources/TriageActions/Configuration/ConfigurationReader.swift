import Foundation
import Yams

/// Reads the config YAML strictly: an unknown key is an error with its line, so a typo never
/// silently falls back to a default, and a secret written into the file is refused.
struct ConfigurationReader {
    let file: String

    func read(_ text: String) throws(ConfigurationError) -> TriageConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            // The parser quotes the offending line; a URL on it may hold a password.
            throw ConfigurationError("not valid YAML: \(Self.maskingCredentials("\(error)"))", file: file)
        }
        guard let root else { return TriageConfiguration() }
        let top = try mapping(root, path: "", allowed: ["store", "sink", "webhook", "rt", "line_state", "service"])
        var configuration = TriageConfiguration()
        if let store = top["store"] {
            let fields = try mapping(store, path: "store", allowed: ["path", "url", "password_file", "password_env", "evidence_retention_days"])
            try self.store(fields, into: &configuration)
            if let days = fields["evidence_retention_days"] {
                configuration.evidenceRetentionDays = try string(days, path: "store.evidence_retention_days") == "forever"
                    ? nil : try wholeNumber(days, path: "store.evidence_retention_days", in: ConfigurationLimits.evidenceRetentionDays,
                                            unit: "days", or: "'forever'")
            }
        }
        configuration.service = try service(top["service"])
        let sinkName = try optionalString(top["sink"], path: "sink") ?? "local"
        switch sinkName {
        case "local": configuration.sink = .local
        case "webhook": configuration.sink = .webhook(try webhook(top["webhook"]))
        case "rt": configuration.sink = .requestTracker(try requestTracker(top["rt"]))
        default: throw problem("sink must be local, webhook or rt (not '\(sinkName)')", top["sink"])
        }
        configuration.lineState = try lineState(top["line_state"])
        try requireRequestTrackerSinkForIntake(top["rt"], sink: configuration.sink)
        return configuration
    }

    private func webhook(_ node: Node?) throws(ConfigurationError) -> WebhookConfiguration {
        guard let node else { throw ConfigurationError("sink: webhook needs a webhook: section", file: file) }
        let fields = try mapping(node, path: "webhook", allowed: [
            "url", "secret_file", "secret_env", "attempts", "timeout_seconds", "backoff_seconds", "deadline_seconds",
        ])
        var configuration = WebhookConfiguration(
            url: try url(fields["url"], path: "webhook.url", secretKeys: "secret_file or secret_env"),
            secret: try secret(fields, fileKey: "secret_file", envKey: "secret_env", section: "webhook"))
        if let node = fields["attempts"] {
            configuration.attempts = try wholeNumber(node, path: "webhook.attempts", in: ConfigurationLimits.attempts, unit: "tries")
        }
        if let node = fields["timeout_seconds"] {
            configuration.timeout = try seconds(node, path: "webhook.timeout_seconds", in: ConfigurationLimits.timeoutSeconds)
        }
        if let node = fields["backoff_seconds"] {
            configuration.backoff = try seconds(node, path: "webhook.backoff_seconds", in: ConfigurationLimits.backoffSeconds)
        }
        if let node = fields["deadline_seconds"] {
            configuration.deadline = try seconds(node, path: "webhook.deadline_seconds", in: ConfigurationLimits.deadlineSeconds)
        }
        return configuration
    }

    private func requestTracker(_ node: Node?) throws(ConfigurationError) -> RequestTrackerConfiguration {
        guard let node else { throw ConfigurationError("sink: rt needs an rt: section", file: file) }
        let fields = try mapping(node, path: "rt", allowed: [
            "url", "queue", "order_queue", "token_file", "token_env", "timeout_seconds", "deadline_seconds", "intake", "route_by_verdict",
        ])
        guard let queue = fields["queue"] else { throw ConfigurationError("rt.queue is missing", file: file) }
        var configuration = RequestTrackerConfiguration(
            url: try url(fields["url"], path: "rt.url", secretKeys: "token_file or token_env"),
            queue: try queueName(queue, path: "rt.queue"),
            orderQueue: try fields["order_queue"].map { (node) throws(ConfigurationError) in try queueName(node, path: "rt.order_queue") },
            token: try secret(fields, fileKey: "token_file", envKey: "token_env", section: "rt"),
            routeByVerdict: try routeByVerdict(fields["route_by_verdict"]),
            intake: try requestTrackerIntake(fields["intake"]))
        if let node = fields["timeout_seconds"] {
            configuration.timeout = try seconds(node, path: "rt.timeout_seconds", in: ConfigurationLimits.timeoutSeconds)
        }
        if let node = fields["deadline_seconds"] {
            configuration.deadline = try seconds(node, path: "rt.deadline_seconds", in: ConfigurationLimits.deadlineSeconds)
        }
        return configuration
    }

    func secret(_ fields: [String: Node], fileKey: String, envKey: String, section: String) throws(ConfigurationError) -> SecretReference {
        switch (fields[fileKey], fields[envKey]) {
        case (let file?, nil): return .file(try string(file, path: "\(section).\(fileKey)"))
        case (nil, let env?): return .environment(try string(env, path: "\(section).\(envKey)"))
        default: throw ConfigurationError("\(section) needs exactly one of \(fileKey) or \(envKey)", file: file)
        }
    }

    func mapping(_ node: Node, path: String, allowed: Set<String>) throws(ConfigurationError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw problem("\(path.isEmpty ? "the file" : path) must be a mapping", node) }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? "\(key)"
            let full = path.isEmpty ? name : "\(path).\(name)"
            if ["secret", "token", "password"].contains(name) {
                throw problem("\(full): secrets never go in the config; name a file or an environment variable instead", key)
            }
            guard allowed.contains(name) else {
                throw problem("unknown key '\(full)'; allowed here: \(allowed.sorted().joined(separator: ", "))", key)
            }
            result[name] = value
        }
        return result
    }

    func string(_ node: Node, path: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw problem("\(path) must be a non-empty text", node) }
        return scalar.string
    }

    func optionalString(_ node: Node?, path: String) throws(ConfigurationError) -> String? {
        guard let node else { return nil }
        return try string(node, path: path)
    }

    func wholeNumber(_ node: Node, path: String, in range: ClosedRange<Int>, unit: String, or alternative: String? = nil)
        throws(ConfigurationError) -> Int {
        guard let value = Int(try string(node, path: path)), range.contains(value) else {
            let other = alternative.map { ", or \($0)" } ?? ""
            throw problem("\(path) must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound)\(other)", node)
        }
        return value
    }

    func seconds(_ node: Node, path: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> TimeInterval {
        // Double() also reads "inf", "nan" and "1e300": the range check is what keeps them out.
        guard let value = Double(try string(node, path: path)), value.isFinite, range.contains(value) else {
            throw problem("\(path) must be a number of seconds from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))", node)
        }
        return value
    }

    func url(_ node: Node?, path: String, secretKeys: String) throws(ConfigurationError) -> URL {
        guard let node else { throw ConfigurationError("\(path) is missing", file: file) }
        let text = try string(node, path: path)
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw problem("\(path) must be an http or https URL", node)
        }
        // Refused like other inline secrets, and without echoing the URL: it holds the password.
        guard url.user == nil, url.password == nil else {
            throw problem("\(path) must not hold a user name or password (user:password@host): credentials never go in the config; "
                + "name a file or an environment variable with \(secretKeys) instead", node)
        }
        return url
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// `scheme://user:password@` becomes `scheme://***@`.
    static func maskingCredentials(_ text: String) -> String {
        text.replacingOccurrences(of: #"://[^/@\s]*@"#, with: "://***@", options: .regularExpression)
    }

    func problem(_ text: String, _ node: Node?) -> ConfigurationError {
        ConfigurationError(text, file: file, line: node?.mark?.line)
    }
}
