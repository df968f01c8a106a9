import Foundation
import SSHTransport
import Yams

extension InventoryReader {
    // MARK: - Credentials

    static let credentialKeys: Set<String> = ["key_file", "passphrase_file", "passphrase_env", "agent", "password_file", "password_env"]
    static let secretKeys: Set<String> = ["password", "passphrase", "key", "secret", "private_key"]

    mutating func credentials(_ node: Node) -> [SSHCredential] {
        let entries: [Node]
        switch node {
        case .sequence(let list): entries = Array(list)
        case .mapping: entries = [node]
        default:
            report(node, "`credentials` must be a mapping or a list of mappings, e.g. `- key_file: keys/id_ed25519`")
            return []
        }
        return entries.compactMap { credential($0) }
    }

    private mutating func credential(_ node: Node) -> SSHCredential? {
        guard case .mapping(let map) = node else {
            report(node, "each credential is a mapping, e.g. `key_file: keys/id_ed25519`")
            return nil
        }
        for (key, _) in map where Self.secretKeys.contains(key.string ?? "") {
            report(key, "secrets are never written in the inventory: use password_file/password_env or passphrase_file/passphrase_env")
            return nil
        }
        let fields = fields(of: map, at: node, allowed: Self.credentialKeys, in: "credentials")
        let kinds = ["key_file", "agent", "password_file", "password_env"].filter { fields[$0] != nil }
        guard kinds.count == 1 else {
            report(node, kinds.isEmpty
                ? "a credential needs one of: key_file, agent, password_file, password_env"
                : "one credential per entry; this one has \(kinds.joined(separator: " and ")) (make it a list)")
            return nil
        }
        if kinds[0] != "key_file", fields["passphrase_file"] != nil || fields["passphrase_env"] != nil {
            report(node, "passphrase_file/passphrase_env go with key_file")
        }
        switch kinds[0] {
        case "key_file":
            guard let path = fields["key_file"].flatMap({ string($0, "key_file") }) else { return nil }
            let passphrase: SecretSource? = if let file = fields["passphrase_file"].flatMap({ string($0, "passphrase_file") }) {
                .file(path: resolvePath(file))
            } else if let name = fields["passphrase_env"].flatMap({ string($0, "passphrase_env") }) {
                .environment(name: name)
            } else {
                nil
            }
            return .privateKey(path: resolvePath(path), passphrase: passphrase)
        case "agent":
            guard let value = fields["agent"], let text = string(value, "agent") else { return nil }
            if ["true", "yes"].contains(text) { return .agent() }
            if ["false", "no"].contains(text) { return nil }
            return .agent(socket: resolvePath(text))
        case "password_file":
            return fields["password_file"].flatMap { string($0, "password_file") }.map { .password(.file(path: resolvePath($0))) }
        default:
            return fields["password_env"].flatMap { string($0, "password_env") }.map { .password(.environment(name: $0)) }
        }
    }
}
