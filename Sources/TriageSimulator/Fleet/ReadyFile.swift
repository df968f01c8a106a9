import Foundation
import Glibc

/// The file scripts wait for: created once every device listens, removed at shutdown. Only a file
/// the simulator wrote is ever replaced or removed (FleetFileGuard checked it at the start).
struct ReadyFile {
    let file: URL
    let contents: String

    init(_ file: URL) {
        self.file = file
        contents = "\(FleetFileGuard.header) (pid \(getpid())): every device listens.\n"
    }

    /// Creates the file afresh: a stale one of an earlier run goes first; anything else is refused.
    func create() throws(SimulatorError) {
        try FleetFileGuard.checkReplaceable(file, option: "--ready-file")
        unlink(file.path)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SimulatorError("Could not create the ready file \(file.path): \(String(cString: strerror(errno))).")
        }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw SimulatorError("Could not write the ready file \(file.path): \(String(cString: strerror(errno))).")
        }
    }

    /// Removes the file if it is still the one this process wrote.
    func remove() {
        guard (try? String(contentsOf: file, encoding: .utf8)) == contents else { return }
        unlink(file.path)
    }
}
