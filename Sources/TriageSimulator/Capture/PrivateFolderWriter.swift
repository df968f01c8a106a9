import Foundation
import Glibc

/// Makes a new folder tree only its owner can read: folders 0700 by `mkdir`, files 0600 by
/// `open(O_CREAT|O_EXCL|O_NOFOLLOW)` — the modes hold from creation, and nothing that already
/// exists (a planted link, an old capture) is followed or written over.
struct PrivateFolderWriter {
    var root: URL

    func makeRoot() throws(ScenarioError) {
        guard mkdir(root.path, 0o700) == 0 else {
            let why = errno == EEXIST ? "already exists; capture into a new folder" : String(cString: strerror(errno))
            throw ScenarioError(file: root, problem: "could not create the scenario folder: \(why)")
        }
    }

    /// Makes `relative` and every missing folder above it (inside the root).
    func makeFolder(_ relative: String) throws(ScenarioError) {
        var path = root.path
        for part in relative.split(separator: "/") {
            path += "/" + part
            guard mkdir(path, 0o700) == 0 || errno == EEXIST && isRealFolder(path) else {
                throw ScenarioError(file: URL(fileURLWithPath: path), problem: "could not create the folder: \(String(cString: strerror(errno)))")
            }
        }
    }

    func writeFile(_ relative: String, _ text: String) throws(ScenarioError) {
        let parent = (relative as NSString).deletingLastPathComponent
        if !parent.isEmpty { try makeFolder(parent) }
        let path = root.path + "/" + relative
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ScenarioError(file: URL(fileURLWithPath: path), problem: "could not create the file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw ScenarioError(file: URL(fileURLWithPath: path), problem: "could not write the file: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
