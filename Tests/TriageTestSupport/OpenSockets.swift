import Foundation

/// This process's TCP sockets to one port (any address), from /proc: a leak check for SSH
/// sessions that should have been closed.
public enum OpenSockets {
    public static func count(toPort port: Int) -> Int {
        let inodes = socketInodes(toPort: port)
        guard !inodes.isEmpty else { return 0 }
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.filter { name in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)"),
                  target.hasPrefix("socket:[") else { return false }
            return inodes.contains(String(target.dropFirst(8).dropLast()))
        }.count
    }

    /// Waits up to `timeout` for the count to reach zero; returns what is left.
    public static func waitUntilNone(toPort port: Int, timeout: Duration = .seconds(10)) async throws -> Int {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if count(toPort: port) == 0 { return 0 }
            try await Task.sleep(for: .milliseconds(50))
        }
        return count(toPort: port)
    }

    /// Inodes of sockets whose remote end is `port`, from /proc/net/tcp and tcp6.
    private static func socketInodes(toPort port: Int) -> Set<String> {
        let hexPort = String(format: ":%04X", port)
        var inodes: Set<String> = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            for line in readWhole(table).split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 9, fields[2].hasSuffix(hexPort), fields[9] != "0" else { continue }
                inodes.insert(String(fields[9]))
            }
        }
        return inodes
    }

    /// A /proc file read to its end. `String(contentsOfFile:)` trusts the size (0 for /proc) and
    /// gets one page: the table of a busy machine goes on beyond it.
    private static func readWhole(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
