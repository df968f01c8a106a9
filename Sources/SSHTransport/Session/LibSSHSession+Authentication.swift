import CLibSSH

extension LibSSHSession {
    /// Tries each configured credential in order. Secrets are read only here, and only for as long as needed.
    func authenticate(_ session: OpaquePointer, deadline: StepDeadline) throws(SSHError) {
        if try authResult(deadline, { ssh_userauth_none(session, nil) }) == .success { return }
        let offered = offeredMethods(session)
        var rejected: [String] = []
        for credential in configuration.credentials {
            if try attempt(credential, session: session, offered: offered, deadline: deadline) == .success { return }
            rejected.append(credential.description)
        }
        throw SSHError(
            .authenticationFailed, step: .authentication,
            detail: rejected.isEmpty
                ? "no credentials are configured for this device"
                : "the device refused \(rejected.joined(separator: ", "))",
            remedy: "Check the user and credentials in the inventory against what the device accepts; if they are right, the device's configuration was changed: escalate.",
            offeredMethods: offered.names)
    }

    private enum Outcome { case success, denied }

    private func attempt(_ credential: SSHCredential, session: OpaquePointer, offered: AuthMethods, deadline: StepDeadline) throws(SSHError) -> Outcome {
        switch credential {
        case .privateKey(let path, let passphraseSource):
            guard offered.contains(.publicKey) else { return .denied }
            let passphrase = try passphraseSource?.read()
            var key: ssh_key?
            let rc: Int32 = if let passphrase {
                passphrase.withCString { ssh_pki_import_privkey_file(path, $0, nil, nil, &key) }
            } else {
                ssh_pki_import_privkey_file(path, nil, nil, nil, &key)
            }
            guard rc == SSH_OK, let key else {
                throw SSHError(.credentialUnavailable, step: .authentication,
                               detail: "the private key \(path) could not be loaded (missing, unreadable, unsupported, or the passphrase is wrong)",
                               remedy: "Check the key file's path and permissions, and its passphrase source.")
            }
            defer { ssh_key_free(key) }
            return try authResult(deadline) { ssh_userauth_publickey(session, nil, key) }
        case .agent(let socket):
            guard offered.contains(.publicKey) else { return .denied }
            if let socket { _ = socket.withCString { ssh_options_set(session, SSH_OPTIONS_IDENTITY_AGENT, $0) } }
            return try authResult(deadline) { ssh_userauth_agent(session, nil) }
        case .password(let source):
            if offered.contains(.password) {
                let password = try source.read()
                return try authResult(deadline) { password.withCString { ssh_userauth_password(session, nil, $0) } }
            }
            if offered.contains(.keyboardInteractive) {
                return try keyboardInteractive(session, password: try source.read(), deadline: deadline)
            }
            return .denied
        }
    }

    /// Answers a keyboard-interactive exchange that asks for exactly one thing: the password.
    private func keyboardInteractive(_ session: OpaquePointer, password: Secret, deadline: StepDeadline) throws(SSHError) -> Outcome {
        for _ in 0..<4 {
            var rc: Int32
            repeat {
                rc = ssh_userauth_kbdint(session, nil, nil)
                if rc == SSH_AUTH_AGAIN.rawValue { try waitForSocket(deadline) }
            } while rc == SSH_AUTH_AGAIN.rawValue
            switch rc {
            case SSH_AUTH_SUCCESS.rawValue: return .success
            case SSH_AUTH_INFO.rawValue:
                let prompts = ssh_userauth_kbdint_getnprompts(session)
                if prompts > 1 { return .denied }
                if prompts == 1 { _ = password.withCString { ssh_userauth_kbdint_setanswer(session, 0, $0) } }
            case SSH_AUTH_ERROR.rawValue: throw authError()
            default: return .denied
            }
        }
        return .denied
    }

    private func authResult(_ deadline: StepDeadline, _ call: () -> Int32) throws(SSHError) -> Outcome {
        while true {
            switch call() {
            case SSH_AUTH_SUCCESS.rawValue: return .success
            case SSH_AUTH_AGAIN.rawValue: try waitForSocket(deadline)
            case SSH_AUTH_ERROR.rawValue: throw authError()
            default: return .denied  // denied, or partial (another factor needed, which Triage does not do)
            }
        }
    }

    private func authError() -> SSHError {
        SSHError(.protocolError, step: .authentication, detail: "authentication broke off: \(libsshError())",
                 remedy: "The device closed the session during login; retry once, then escalate.")
    }

    private func offeredMethods(_ session: OpaquePointer) -> AuthMethods {
        AuthMethods(rawValue: UInt32(bitPattern: ssh_userauth_list(session, nil)))
    }
}

/// The authentication methods a server offers, as libssh reports them.
struct AuthMethods: OptionSet {
    let rawValue: UInt32
    static let password = AuthMethods(rawValue: SSH_AUTH_METHOD_PASSWORD)
    static let publicKey = AuthMethods(rawValue: SSH_AUTH_METHOD_PUBLICKEY)
    static let hostBased = AuthMethods(rawValue: SSH_AUTH_METHOD_HOSTBASED)
    static let keyboardInteractive = AuthMethods(rawValue: SSH_AUTH_METHOD_INTERACTIVE)

    var names: [String] {
        [(AuthMethods.publicKey, "publickey"), (.password, "password"), (.keyboardInteractive, "keyboard-interactive"), (.hostBased, "hostbased")]
            .filter { contains($0.0) }.map(\.1)
    }
}
