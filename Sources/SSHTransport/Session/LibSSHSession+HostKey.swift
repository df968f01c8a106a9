import CLibSSH

extension LibSSHSession {
    /// Checks the server's key against the known_hosts file under the configured policy.
    func verifyHostKey(_ session: OpaquePointer) throws(SSHError) {
        let presented = serverFingerprint(session)
        let state = ssh_session_is_known_server(session)
        switch state {
        case SSH_KNOWN_HOSTS_OK:
            return
        case SSH_KNOWN_HOSTS_CHANGED, SSH_KNOWN_HOSTS_OTHER:
            throw SSHError(
                .hostKeyChanged, step: .hostKey,
                detail: "the device presented a different host key than the one on record in \(configuration.knownHostsPath)",
                remedy: "Do not connect. Either the device was swapped or someone is intercepting the connection: escalate to third level. Only after the device is confirmed, remove the old line from known_hosts.",
                knownFingerprint: knownFingerprint(presented: presented), presentedFingerprint: presented)
        case SSH_KNOWN_HOSTS_UNKNOWN, SSH_KNOWN_HOSTS_NOT_FOUND:
            // libssh says "unknown" also when it could not open the file (e.g. out of descriptors).
            if let reason = KnownHostsFile.unreadableReason(configuration.knownHostsPath) { throw reason }
            guard configuration.hostKeyPolicy == .acceptNew else {
                throw SSHError(
                    .hostKeyUnknown, step: .hostKey,
                    detail: "the device's host key is not in \(configuration.knownHostsPath)",
                    remedy: "Confirm the fingerprint with the device's owner and add the key to known_hosts, or set host_key_policy: accept-new for this device to pin it on first use.",
                    presentedFingerprint: presented)
            }
            if ssh_session_update_known_hosts(session) != SSH_OK {
                throw SSHError(
                    .localFailure, step: .hostKey,
                    detail: "the new host key could not be pinned into \(configuration.knownHostsPath): \(libsshError())",
                    remedy: "Check that the known_hosts file and its folder are writable.",
                    presentedFingerprint: presented)
            }
        default:
            throw SSHError(
                .localFailure, step: .hostKey,
                detail: "the known_hosts file \(configuration.knownHostsPath) could not be read: \(libsshError())",
                remedy: "Check the file's permissions and format (OpenSSH known_hosts lines).")
        }
    }

    private func serverFingerprint(_ session: OpaquePointer) -> String? {
        var key: ssh_key?
        guard ssh_get_server_publickey(session, &key) == SSH_OK, let key else { return nil }
        defer { ssh_key_free(key) }
        return Self.fingerprint(of: key)
    }

    /// The key on record: the one of the presented key's type if there is one, else the first.
    private func knownFingerprint(presented: String?) -> String? {
        let known = KnownHostsFile.fingerprints(for: endpoint, in: configuration.knownHostsPath)
        let presentedType = presented?.split(separator: " ").first.map(String.init)
        return known.first { $0.split(separator: " ").first.map(String.init) == presentedType } ?? known.first
    }

    /// `SHA256:<base64>`, the form OpenSSH prints, prefixed with the key type.
    static func fingerprint(of key: ssh_key) -> String? {
        var hash: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == SSH_OK, let bytes = hash else { return nil }
        defer { ssh_clean_pubkey_hash(&hash) }
        guard let text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, bytes, length) else { return nil }
        defer { ssh_string_free_char(text) }
        let type = String(cString: ssh_key_type_to_char(ssh_key_type(key)))
        return "\(type) \(String(cString: text))"
    }
}
