import Foundation

/// Opens the TCP connection itself, before libssh sees it: that gives a real deadline, prompt
/// cancellation, and a clear difference between "refused" and "unreachable".
enum TCPConnector {
    /// Returns a connected, blocking socket. The caller owns it.
    static func connect(to endpoint: SSHEndpoint, deadline: StepDeadline, cancellation: CancellationFlag) throws(SSHError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard status == 0, let first = list else { throw resolutionFailure(status, host: endpoint.host) }
        defer { freeaddrinfo(list) }

        var lastError: SSHError?
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            do throws(SSHError) {
                return try connect(address.pointee, deadline: deadline, cancellation: cancellation)
            } catch {
                if error.code == .deadlineExceeded || error.code == .cancelled { throw error }
                lastError = error
            }
            entry = address.pointee.ai_next
        }
        throw lastError ?? SSHError(.unreachable, step: .connect, detail: "no usable address", remedy: "Check the device's host in the inventory.")
    }

    private static func connect(_ address: addrinfo, deadline: StepDeadline, cancellation: CancellationFlag) throws(SSHError) -> Int32 {
        let fd = socket(address.ai_family, address.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), address.ai_protocol)
        guard fd >= 0 else { throw SSHError.local("cannot create a socket", errno: errno, step: .connect) }
        var ok = false
        defer { if !ok { close(fd) } }

        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) != 0 && errno != EINPROGRESS {
            throw failure(errno)
        }
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        while true {
            if cancellation.isCancelled { throw SSHError.cancelledByCaller }
            if deadline.hasPassed { throw deadline.exceeded() }
            let ready = poll(&pollfd, 1, deadline.pollSliceMilliseconds(maximum: 50))
            if ready > 0 { break }
            if ready < 0 && errno != EINTR { throw failure(errno) }
        }
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
        if socketError != 0 { throw failure(socketError) }

        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        ok = true
        return fd
    }

    /// A name that does not resolve is Triage's (or its DNS's) failure, not the device's;
    /// a resolver out of memory is the controller's.
    private static func resolutionFailure(_ status: Int32, host: String) -> SSHError {
        if status == EAI_SYSTEM { return SSHError.local("cannot resolve \(host)", errno: errno, step: .connect) }
        if status == EAI_MEMORY { return SSHError.local("cannot resolve \(host)", errno: ENOMEM, step: .connect) }
        return SSHError(.nameNotResolved, step: .connect,
                        detail: "the name \(host) does not resolve (\(String(cString: gai_strerror(status))))",
                        remedy: "Check the device's host in the inventory (a name, an IPv4 or an IPv6 address; the port goes in `port:`) and the controller's DNS.")
    }

    private static func failure(_ code: Int32) -> SSHError {
        if SSHError.isLocalShortage(code) { return SSHError.local("cannot connect", errno: code, step: .connect) }
        if code == ECONNREFUSED {
            return SSHError(.connectionRefused, step: .connect, detail: "the device refused the connection",
                            remedy: "Nothing listens on that port: check the SSH port in the inventory and that the device's SSH server runs.")
        }
        return SSHError(.unreachable, step: .connect, detail: "cannot connect: \(String(cString: strerror(code)))",
                        remedy: "Check that the device is powered and online and that its address is right.")
    }
}
