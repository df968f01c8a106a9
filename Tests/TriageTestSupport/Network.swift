import Foundation
import Synchronization

/// Loopback ports and listeners for tests.
public enum TestNetwork {
    /// The next port `freePort` tries. The ports come from below the kernel's ephemeral range
    /// (32768 and up), and each only once per process: a port the kernel picked for `bind(0)` and
    /// that was closed again could be handed to the next caller too, or taken as the local port of
    /// any outgoing connection, before the server meant for it had bound it. Two servers then
    /// raced for one port, and a test talked to another test's server (seen as a changed host key,
    /// and as 64 sessions cut when the other test stopped its server).
    private static let nextPort = Mutex(10_000 + Int(getpid() % 50) * 200)

    /// A TCP port on 127.0.0.1 that is free now and that no other caller in this process gets.
    public static func freePort() throws -> Int {
        for _ in 0..<10_000 {
            let port = nextPort.withLock { value in
                value = value >= 19_999 ? 10_000 : value + 1
                return value
            }
            guard let fd = try? listeningSocket(port: port) else { continue }
            close(fd)
            return port
        }
        throw TimedOut(what: "a free loopback port between 10000 and 19999")
    }

    /// Runs `body` with a port where the kernel completes TCP handshakes but nobody ever speaks:
    /// the listener never accepts, like a device whose SSH server hangs before its banner.
    public static func withSilentListener<T>(_ body: (Int) async throws -> T) async throws -> T {
        let fd = try listeningSocket(port: 0)
        defer { close(fd) }
        return try await body(boundPort(of: fd))
    }

    private static func boundPort(of fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on `host:port` now.
    public static func isListening(host: String, port: Int) -> Bool {
        canConnect(host: host, port: port)
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public let what: String
        public var description: String { "timed out waiting for \(what)" }
    }

    private static func canConnect(host: String, port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func listeningSocket(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else {
            if fd >= 0 { close(fd) }
            throw TimedOut(what: "a free loopback port (bind failed: \(String(cString: strerror(errno))))")
        }
        return fd
    }
}
