import Foundation
import Glibc
import Synchronization

/// An order system on loopback that misbehaves in the two ways the CLI tests need, on a plain
/// socket: `.silent` completes the TCP handshake (the kernel does) but never reads or answers;
/// `.failing(body)` answers every request 500 with `body`.
final class UnhelpfulOrderSystem: Sendable {
    enum Behaviour: Sendable {
        case silent
        case failing(body: String)
    }

    struct SocketError: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    private let listener: Int32
    private let stopped = Atomic(false)
    /// The answering thread closes the listener when it ends; without one, `stop()` does.
    private let closesItself: Bool

    var url: URL { URL(string: "http://127.0.0.1:\(port)/orders")! }

    init(_ behaviour: Behaviour) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, address, &length) == 0
            }
        }
        guard listener >= 0, bound else { throw SocketError(description: "cannot listen on loopback: \(String(cString: strerror(errno)))") }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        guard case .failing(let body) = behaviour else {
            closesItself = false
            return
        }
        closesItself = true
        Thread.detachNewThread {
            while true {
                let connection = accept(listener, nil, nil)
                // After `stop()`'s shutdown, accept fails: only then is the number closed, so this
                // thread never accepts on a number that another test has reused meanwhile.
                guard connection >= 0 else {
                    close(listener)
                    return
                }
                Self.answer(connection, body: body)
                close(connection)
            }
        }
    }

    /// Closes the listening socket: connections waiting in its queue are reset, the answering thread ends.
    /// Idempotent: a second `close` of the same number could close whatever descriptor another
    /// test of this process opened in between (it once emptied a ChildProcess test's pipe).
    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        if !closesItself { close(listener) }
    }

    /// Reads the request (headers, then the body unless the client waits for `100 Continue`) and answers 500.
    private static func answer(_ connection: Int32, body: String) {
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var expected: Int?
        while expected.map({ request.count < $0 }) ?? true {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { break }
            request += buffer[..<count]
            guard expected == nil, let end = request.firstRange(of: Array("\r\n\r\n".utf8)) else { continue }
            let headers = String(decoding: request[..<end.lowerBound], as: UTF8.self).lowercased()
            if headers.contains("expect: 100-continue") { break }
            let length = headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            expected = end.upperBound + length
        }
        let response = Array("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8)
        _ = response.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }
}
