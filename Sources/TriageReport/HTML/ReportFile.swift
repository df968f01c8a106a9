import Glibc

/// Writes a report file that only its owner can read, from the moment it exists: the report holds
/// evidence (logs, configuration), so it is never briefly world-readable, and a file already there
/// gets the same mode before it is overwritten. A symbolic link in its place is refused.
enum ReportFile {
    static func write(_ text: String, to path: String) throws(ReportError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create", path) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw failure("cannot make owner-only", path) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw failure("cannot write", path) }
            offset += written
        }
    }

    private static func failure(_ what: String, _ path: String) -> ReportError {
        let reason = String(cString: strerror(errno))
        return ReportError("\(what) the report \(path): \(reason). Choose a path in a folder you can write to (not a symbolic link).")
    }
}
