import Foundation

/// How to start one kind of SSH server in a test folder: files written, command line, environment.
struct ServerLaunch {
    let executable: String
    let arguments: [String]
    let environment: [String: String]
    let user: String
    let knownHostsPath: String
    let fingerprint: String
    let passwordFile: String?
    /// The log the server writes itself (OpenSSH's -E); nil where it logs to stderr.
    var logPath: String? = nil

    static let password = "router-test-password"

    static func prepare(_ kind: SSHTestServer.Kind, in folder: URL, port: Int, keys: ClientKeys, hostKeyType: String) async throws -> ServerLaunch {
        switch kind {
        case .dropbear: try await dropbear(in: folder, port: port, keys: keys, hostKeyType: hostKeyType)
        case .openssh: try await openssh(in: folder, port: port, keys: keys, hostKeyType: hostKeyType)
        case .opensshLegacyOnly: try await openssh(in: folder, port: port, keys: keys, hostKeyType: "rsa", extraConfig: legacyOnlyConfig)
        }
    }

    /// What old router firmware offers: SHA-1 RSA host keys and signatures, a SHA-1 key exchange, CBC.
    private static let legacyOnlyConfig = """
        HostKeyAlgorithms ssh-rsa
        PubkeyAcceptedAlgorithms ssh-rsa,ssh-ed25519
        KexAlgorithms diffie-hellman-group14-sha1
        Ciphers aes128-cbc
        MACs hmac-sha1

        """

    /// dropbear has no option for the authorized_keys path, so it runs under nss_wrapper with a
    /// passwd file whose home is the test folder (and whose password hash is the test password).
    private static func dropbear(in folder: URL, port: Int, keys: ClientKeys, hostKeyType: String) async throws -> ServerLaunch {
        let home = folder.appendingPathComponent("home")
        let sshDir = home.appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: sshDir, withIntermediateDirectories: true)
        try keys.authorizedKeys().write(to: sshDir.appendingPathComponent("authorized_keys"), atomically: true, encoding: .utf8)
        let hostKey = folder.appendingPathComponent("dropbear_host_key").path
        try await CommandRunner.run("/usr/bin/dropbearkey", ["-t", hostKeyType, "-f", hostKey])
        let publicLine = try await CommandRunner.run("/usr/bin/dropbearkey", ["-y", "-f", hostKey]).stdout
            .split(separator: "\n").first { $0.hasPrefix("ssh-") || $0.hasPrefix("ecdsa-") }.map(String.init) ?? ""
        let hash = try await CommandRunner.run("/usr/bin/openssl", ["passwd", "-6", "-stdin"], stdin: password).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let passwd = folder.appendingPathComponent("passwd").path
        try "triage:\(hash):0:0:Triage test:\(home.path):/bin/sh\n".write(toFile: passwd, atomically: true, encoding: .utf8)
        let group = folder.appendingPathComponent("group").path
        try "root:x:0:\n".write(toFile: group, atomically: true, encoding: .utf8)
        let passwordFile = folder.appendingPathComponent("password").path
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let (knownHosts, fingerprint) = try await knownHosts(in: folder, port: port, publicKeyLine: publicLine)
        return ServerLaunch(
            executable: "/usr/sbin/dropbear",
            arguments: ["-F", "-E", "-p", "127.0.0.1:\(port)", "-r", hostKey, "-P", folder.appendingPathComponent("dropbear.pid").path],
            environment: [
                "LD_PRELOAD": "libnss_wrapper.so", "NSS_WRAPPER_PASSWD": passwd, "NSS_WRAPPER_GROUP": group,
            ],
            user: "triage", knownHostsPath: knownHosts, fingerprint: fingerprint, passwordFile: passwordFile)
    }

    private static func openssh(in folder: URL, port: Int, keys: ClientKeys, hostKeyType: String, extraConfig: String = "") async throws -> ServerLaunch {
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let hostKey = folder.appendingPathComponent("ssh_host_key").path
        try await CommandRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", hostKeyType, "-N", "", "-f", hostKey])
        let authorized = folder.appendingPathComponent("authorized_keys")
        try keys.authorizedKeys().write(to: authorized, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("sshd_config")
        try """
        ListenAddress 127.0.0.1:\(port)
        HostKey \(hostKey)
        PidFile \(folder.appendingPathComponent("sshd.pid").path)
        AuthorizedKeysFile \(authorized.path)
        PermitRootLogin prohibit-password
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        MaxStartups 200
        MaxSessions 200
        # Debian's bash sources ~/.bashrc for a command sshd runs unless SHLVL says it is nested.
        # Root's .bashrc on the CI machine runs `pyenv init` (150 ms per command; 64 at once on a
        # loaded machine took over a minute). A router's BusyBox sh reads no rc file at all.
        SetEnv SHLVL=1
        \(extraConfig)
        """.write(to: config, atomically: true, encoding: .utf8)
        let publicLine = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8)
        let (knownHosts, fingerprint) = try await knownHosts(in: folder, port: port, publicKeyLine: publicLine)
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        return ServerLaunch(
            executable: "/usr/sbin/sshd",
            arguments: ["-D", "-f", config.path, "-E", folder.appendingPathComponent("sshd.log").path],
            environment: [:], user: user == "" ? "root" : user,
            knownHostsPath: knownHosts, fingerprint: fingerprint, passwordFile: nil,
            logPath: folder.appendingPathComponent("sshd.log").path)
    }

    private static func knownHosts(in folder: URL, port: Int, publicKeyLine: String) async throws -> (String, String) {
        let path = folder.appendingPathComponent("known_hosts").path
        let line = "[127.0.0.1]:\(port) \(publicKeyLine.trimmingCharacters(in: .whitespacesAndNewlines))\n"
        try line.write(toFile: path, atomically: true, encoding: .utf8)
        let printed = try await CommandRunner.run("/usr/bin/ssh-keygen", ["-l", "-E", "sha256", "-f", path]).stdout
        // "256 SHA256:abc... [127.0.0.1]:2222 (ED25519)"
        let fields = printed.split(separator: " ")
        let fingerprint = fields.count > 1 ? String(fields[1]) : ""
        return (path, fingerprint)
    }
}
