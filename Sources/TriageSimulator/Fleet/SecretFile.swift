import Foundation
import Glibc

/// Files only their owner may read (mode 0600): keys and passwords.
enum SecretFile {
    /// Writes `text` to a new file made 0600 by `open` itself (never readable by anyone else, not even
    /// for a moment), beside `file`, then renames it over `file`.
    static func write(_ text: String, to file: URL) throws(SimulatorError) {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("could not create \(temporary.path)", file) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { buffer in Glibc.write(fd, buffer.baseAddress, buffer.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary.path, file.path) == 0 else {
            let error = failure("could not write it", file)
            unlink(temporary.path)
            throw error
        }
    }

    /// Refuses a secret someone else could have planted or read: it must be a regular file (not a
    /// link), owned by this user, readable by nobody else. A missing file is fine (one is made).
    static func checkTrusted(_ file: URL) throws(SimulatorError) {
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return }
        try FleetFileGuard.requireOwn(
            file.path, info, type: S_IFREG, kind: "regular file", forbidden: 0o077,
            holding: "it holds a secret of the fleet, which only you may read (mode 0600)",
            remedy: "Delete it (a new one is made) and keep the folder to yourself (chmod 700).")
    }

    private static func failure(_ what: String, _ file: URL) -> SimulatorError {
        SimulatorError("Could not store the secret \(file.path): \(what) (\(String(cString: strerror(errno)))).")
    }
}
