import Foundation
import SSHTransport
import Yams

extension InventoryReader {
    /// One level of settings (defaults, a group, or a device whose `fields` are given).
    mutating func layer(_ node: Node, in context: String, fields given: [String: Node]? = nil) -> SettingsLayer {
        var result = SettingsLayer()
        let fields: [String: Node]
        if let given {
            fields = given
        } else {
            guard let map = mapping(node, context) else { return result }
            fields = self.fields(of: map, at: node, allowed: SettingsLayer.keys, in: context)
        }
        result.port = fields["port"].flatMap { int($0, "port", in: InventoryLimits.port) }
        if let userNode = fields["user"], let user = string(userNode, "user") {
            if let problem = InventoryValue.userProblem(user) { report(userNode, problem) }
            result.user = user
        }
        if let policy = fields["host_key_policy"], let text = string(policy, "host_key_policy") {
            result.hostKeyPolicy = HostKeyPolicy(rawValue: text)
            if result.hostKeyPolicy == nil {
                report(policy, "host_key_policy \(InventoryValue.quoted(text)) is not one of: strict, accept-new (there is no mode that accepts any key)")
            }
        }
        result.knownHosts = fields["known_hosts"].flatMap { string($0, "known_hosts") }.map(resolvePath)
        if let algorithms = fields["algorithms"], let name = string(algorithms, "algorithms") {
            if SettingsLayer.algorithmNames[name] == nil { report(algorithms, "algorithms \(InventoryValue.quoted(name)) is not one of: modern, legacy") }
            result.algorithms = name
        }
        if let timeouts = fields["timeouts"], let map = mapping(timeouts, "\(context) timeouts") {
            let values = self.fields(of: map, at: timeouts, allowed: SettingsLayer.timeoutKeys, in: "timeouts")
            let range = InventoryLimits.stepSeconds
            result.connectSeconds = values["connect_seconds"].flatMap { seconds($0, "connect_seconds", in: range) }
            result.loginSeconds = values["login_seconds"].flatMap { seconds($0, "login_seconds", in: range) }
            result.commandSeconds = values["command_seconds"].flatMap { seconds($0, "command_seconds", in: range) }
        }
        result.outputLimitBytes = fields["output_limit_bytes"].flatMap { int($0, "output_limit_bytes", in: InventoryLimits.outputBytes) }
        if let flag = fields["process_ssh_config"] { result.processSSHConfig = bool(flag, "process_ssh_config") }
        if let retries = fields["retries"], let map = mapping(retries, "\(context) retries") {
            let values = self.fields(of: map, at: retries, allowed: SettingsLayer.retryKeys, in: "retries")
            result.connectAttempts = values["attempts"].flatMap { int($0, "retries.attempts", in: InventoryLimits.connectAttempts) }
            result.retrySpacingSeconds = values["spacing_seconds"].flatMap {
                seconds($0, "retries.spacing_seconds", in: InventoryLimits.retrySpacingSeconds)
            }
        }
        if let credentials = fields["credentials"] { result.credentials = self.credentials(credentials) }
        return result
    }

    func resolvePath(_ path: String) -> String {
        if path.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            return home + path.dropFirst(1)
        }
        if path.hasPrefix("/") { return path }
        return baseDirectory.appendingPathComponent(path).standardizedFileURL.path
    }
}
