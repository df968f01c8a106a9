import CLibSSH
import Foundation

/// Owns one libssh session. Every method blocks and must only be called on the session's
/// `DedicatedThread`; libssh runs in non-blocking mode underneath, so that each wait is a `poll`
/// that ends at the step's deadline or when the caller cancels.
final class LibSSHSession: @unchecked Sendable {
    let configuration: SSHClientConfiguration
    let cancellation: CancellationFlag
    private(set) var handle: OpaquePointer?
    private(set) var socket: Int32 = -1

    init(configuration: SSHClientConfiguration, cancellation: CancellationFlag) {
        self.configuration = configuration
        self.cancellation = cancellation
    }

    deinit { close() }

    var endpoint: SSHEndpoint { configuration.endpoint }
    var isOpen: Bool { handle != nil }

    /// TCP connect, key exchange, host key check and authentication, each within its deadline.
    func open() throws(SSHError) {
        // Before the device is touched: an unusable known_hosts is Triage's mistake, not the device's.
        try KnownHostsFile.checkUsable(configuration.knownHostsPath, policy: configuration.hostKeyPolicy)
        let connectDeadline = StepDeadline(.connect, limit: configuration.deadlines.connect)
        let fd = try TCPConnector.connect(to: endpoint, deadline: connectDeadline, cancellation: cancellation)

        guard let session = ssh_new() else {
            Glibc.close(fd)
            throw SSHError.local("libssh could not create a session", errno: ENOMEM, step: .connect)
        }
        handle = session
        do throws(SSHError) {
            try applyOptions(to: session)
        } catch {
            Glibc.close(fd)
            throw error
        }
        // The socket stays ours (libssh does not close a working socket given with SSH_OPTIONS_FD):
        // close() closes it, unless libssh already did after a hang-up or error.
        var socketOption = fd
        ssh_options_set(session, SSH_OPTIONS_FD, &socketOption)
        socket = fd
        ssh_set_blocking(session, 0)

        let login = StepDeadline(.keyExchange, limit: configuration.deadlines.login)
        try repeatWhileAgain(login) { ssh_connect(session) } failure: { [self] in
            SSHError(.protocolError, step: .keyExchange, detail: "the SSH handshake failed: \(libsshError())",
                     remedy: "The device did not speak SSH we share algorithms with. If it runs old firmware, enable legacy algorithms for it in the inventory; otherwise escalate.")
        }
        try verifyHostKey(session)
        try authenticate(session, deadline: StepDeadline(.authentication, limit: login.remaining))
    }

    /// Sends `disconnect` and frees the session; safe to call more than once.
    func close() {
        guard let session = handle else { return }
        handle = nil
        let fd = socket
        socket = -1
        // A socket handed over with SSH_OPTIONS_FD stays ours while it works, but libssh closes it
        // itself once the device hangs up or the stream breaks. Closing that number again would
        // close whatever another thread opened under it meanwhile: another session's socket,
        // which then read someone else's bytes ("Decryption error") or lost its connection.
        // Asked before ssh_disconnect, which forgets the socket without closing it.
        let stillOpen = fd >= 0 && ssh_get_fd(session) == fd
        ssh_disconnect(session)
        ssh_free(session)
        if stillOpen { Glibc.close(fd) }
    }

    /// Calls `operation` until it stops answering `SSH_AGAIN`, waiting for the socket between calls.
    func repeatWhileAgain(_ deadline: StepDeadline, _ operation: () -> Int32, failure: () -> SSHError) throws(SSHError) {
        while true {
            let rc = operation()
            if rc == SSH_OK { return }
            if rc != SSH_AGAIN { throw failure() }
            try waitForSocket(deadline)
        }
    }

    /// One wait for the peer: until the socket is readable (or writable while libssh has output
    /// queued), the caller cancels, or the deadline comes. Throws when the caller cancelled or the
    /// deadline passed. The wait is capped all the same, in case a wake-up is ever missed.
    func waitForSocket(_ deadline: StepDeadline) throws(SSHError) {
        if cancellation.isCancelled { throw SSHError.cancelledByCaller }
        if deadline.hasPassed { throw deadline.exceeded() }
        var events = Int16(POLLIN)
        if let handle, ssh_get_poll_flags(handle) & SSH_WRITE_PENDING != 0 { events |= Int16(POLLOUT) }
        let wake = cancellation.wakeDescriptor
        var fds = (Glibc.pollfd(fd: socket, events: events, revents: 0), Glibc.pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
        let slice = deadline.pollSliceMilliseconds(maximum: wake >= 0 ? 250 : 20)
        _ = withUnsafeMutableBytes(of: &fds) { buffer in
            guard let first = buffer.baseAddress?.assumingMemoryBound(to: Glibc.pollfd.self) else { return Int32(0) }
            return poll(first, wake >= 0 ? 2 : 1, slice)
        }
    }

    func libsshError() -> String {
        guard let handle else { return "session closed" }
        return String(cString: ssh_get_error(UnsafeMutableRawPointer(handle)))
    }

    private func applyOptions(to session: OpaquePointer) throws(SSHError) {
        let algorithms = configuration.algorithms
        let textOptions: [(ssh_options_e, String)] = [
            (SSH_OPTIONS_HOST, endpoint.host),
            (SSH_OPTIONS_USER, endpoint.user),
            (SSH_OPTIONS_KNOWNHOSTS, configuration.knownHostsPath),
            // Only the given known_hosts file counts: the system-wide one must not make a key "known".
            (SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null"),
            (SSH_OPTIONS_KEY_EXCHANGE, algorithms.keyExchange.joined(separator: ",")),
            (SSH_OPTIONS_HOSTKEYS, algorithms.hostKeys.joined(separator: ",")),
            (SSH_OPTIONS_CIPHERS_C_S, algorithms.ciphers.joined(separator: ",")),
            (SSH_OPTIONS_CIPHERS_S_C, algorithms.ciphers.joined(separator: ",")),
            (SSH_OPTIONS_HMAC_C_S, algorithms.macs.joined(separator: ",")),
            (SSH_OPTIONS_HMAC_S_C, algorithms.macs.joined(separator: ",")),
            (SSH_OPTIONS_PUBLICKEY_ACCEPTED_TYPES, algorithms.publicKeyTypes.joined(separator: ",")),
        ]
        var processConfig = configuration.processUserConfig
        ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig)
        _ = triage_ssh_set_int_option(session, SSH_OPTIONS_PORT, Int32(endpoint.port))
        for (option, value) in textOptions {
            let rc = value.withCString { ssh_options_set(session, option, $0) }
            if rc != SSH_OK {
                throw SSHError(.protocolError, endpoint: endpoint.description,
                               detail: "libssh rejected the setting \(value): \(libsshError())",
                               remedy: "Check the algorithm names in the inventory against libssh's supported list.")
            }
        }
    }
}
