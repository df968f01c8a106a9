import Foundation

/// Where a sink's secret is: a file or an environment variable, never the config file itself
/// (configs are copied, pasted into tickets and committed; secrets must not travel with them).
public enum SecretReference: Sendable, Hashable {
    case file(String)
    case environment(String)

    /// Reads the secret now, trimmed of surrounding whitespace (files usually end in a newline).
    func read(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> String {
        let value: String?
        switch self {
        case .file(let path):
            value = try? String(contentsOfFile: path, encoding: .utf8)
            if value == nil { throw ConfigurationError("cannot read the secret file \(path)") }
        case .environment(let name):
            value = environment[name]
            if value == nil { throw ConfigurationError("the environment variable \(name) that should hold the secret is not set") }
        }
        let secret = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw ConfigurationError("the secret in \(self) is empty") }
        return secret
    }
}

extension SecretReference: CustomStringConvertible {
    public var description: String {
        switch self {
        case .file(let path): "file \(path)"
        case .environment(let name): "$\(name)"
        }
    }
}
