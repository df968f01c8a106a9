import Foundation

/// The store's file on disk: what may be opened as a store, and how a new one is created.
///
/// The store holds evidence and the audit log, so a new one is private from its first byte: the
/// folders Triage creates are 0700 and the file is created 0600 before SQLite opens it (SQLite
/// gives its `-wal`, `-shm` and `-journal` files the mode of the database file). Nothing is
/// chmodded afterwards, and folders the user already had are left as they are.
enum StoreFile {
    /// Refuses what is there but is no regular file: `/dev/null`, a directory, a fifo. SQLite
    /// would open some of them and leave `-journal` and lock files beside them.
    static func checkIsRegularOrAbsent(_ path: String) throws(StoreError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw StoreError(path: path, problem: "cannot look at it: \(String(cString: strerror(errno)))",
                             remedy: "Check the path and the permissions of its folders.")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw StoreError(path: path, problem: "it is not a regular file (\(kind(status.st_mode)))",
                             remedy: "Name a file with --db FILE or store.path in the config, e.g. ~/.local/state/triage/triage.sqlite.")
        }
    }

    /// Creates the missing folders above `path` (0700) and the file itself (0600), empty; SQLite
    /// takes an empty file for a new database. An existing file or folder is left alone.
    static func create(_ path: String) throws(StoreError) {
        try createFolders(above: path)
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError(path: path, problem: "cannot create it: \(String(cString: strerror(errno)))",
                             remedy: "Choose a writable place with --db FILE or store.path in the config.")
        }
    }

    private static func createFolders(above path: String) throws(StoreError) {
        var missing: [String] = []
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw StoreError(path: path, problem: "cannot create the folder \(folder): \(String(cString: strerror(errno)))",
                             remedy: "Choose a writable place with --db FILE or store.path in the config.")
        }
    }

    /// Where SQLite should open `path` for reading. A store in WAL mode needs a `-shm` file beside
    /// it even to read; in a folder nobody may write to (a read-only file system, a 0555 folder)
    /// none can be made, so when no `-wal` file holds unmerged changes either, the file is opened
    /// as immutable: no locks and no files beside it. (A writer that appears meanwhile could make
    /// a read fail, never the file change: nothing is written through this connection.)
    static func readOnlyLocation(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard access(folder.isEmpty ? "." : folder, W_OK) != 0, !FileManager.default.fileExists(atPath: path + "-shm"),
            size(of: path + "-wal") ?? 0 == 0
        else { return path }
        let escaped = path.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "%": "%25"
            case "?": "%3f"
            case "#": "%23"
            default: String(scalar)
            }
        }.joined()
        return "file:\(escaped)?immutable=1"
    }

    private static func size(of path: String) -> Int64? {
        var status = stat()
        return stat(path, &status) == 0 ? Int64(status.st_size) : nil
    }

    /// A warning when other users can read or write the store (a file made by an older Triage,
    /// or a folder the user made); nil when it is private. Triage does not chmod what it did not create.
    static func exposure(of path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let exposed = [(path, mode_t(0o066)), (folder.isEmpty ? "." : folder, mode_t(0o022))].compactMap { item, bits -> String? in
            var status = stat()
            guard stat(item, &status) == 0, status.st_mode & bits != 0 else { return nil }
            return "\(item) has mode \(String(status.st_mode & 0o777, radix: 8))"
        }
        guard !exposed.isEmpty else { return nil }
        return "\(exposed.joined(separator: ", ")): other users can reach the store's evidence "
            + "(chmod 600 the file, and make its folder writable by you alone)"
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a fifo"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}
