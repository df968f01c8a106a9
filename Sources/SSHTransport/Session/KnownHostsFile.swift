import CLibSSH
import Foundation

/// Reads a known_hosts file to name the key on record for a host. libssh says *that* a key
/// changed but not what was on record; a technician needs both fingerprints to decide.
enum KnownHostsFile {
    /// Fingerprints (`type SHA256:…`) of the plain (unhashed) entries for `endpoint`.
    static func fingerprints(for endpoint: SSHEndpoint, in path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let names = endpoint.port == 22 ? [endpoint.host, "[\(endpoint.host)]:22"] : ["[\(endpoint.host)]:\(endpoint.port)"]
        return text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3, !fields[0].hasPrefix("#"), !fields[0].hasPrefix("@") else { return nil }
            let hosts = fields[0].split(separator: ",").map(String.init)
            guard hosts.contains(where: names.contains) else { return nil }
            return fingerprint(type: String(fields[1]), base64: String(fields[2]))
        }
    }

    private static func fingerprint(type: String, base64: String) -> String? {
        var key: ssh_key?
        let keyType = ssh_key_type_from_name(type)
        guard keyType != SSH_KEYTYPE_UNKNOWN, ssh_pki_import_pubkey_base64(base64, keyType, &key) == SSH_OK, let key else { return nil }
        defer { ssh_key_free(key) }
        return LibSSHSession.fingerprint(of: key)
    }
}
