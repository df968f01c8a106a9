import Foundation

extension KnownHostsFile {
    /// Refuses a known_hosts that cannot do its job. `/dev/null` (or a folder, a FIFO) reads as
    /// empty and swallows writes: under `accept-new` every key would be "new" and accepted on
    /// every connect, which is the "accept any key" mode Triage promises not to have.
    static func checkUsable(_ path: String, policy: HostKeyPolicy) throws(SSHError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw SSHError(.localFailure, step: .hostKey,
                               detail: "the known_hosts path \(path) is not a regular file (\(kind(info.st_mode)))",
                               remedy: "Set known_hosts in the inventory to a regular file (or a symlink to one); it may start empty under accept-new.")
            }
            try checkOpens(path, writing: policy == .acceptNew)
            return
        }
        let missing = errno
        guard missing == ENOENT else { throw SSHError.local("cannot inspect the known_hosts file \(path)", errno: missing, step: .hostKey) }
        if policy == .acceptNew { try checkCreatable(path) }
    }

    /// After libssh found no key: was the file really without one, or could libssh not open it
    /// (out of descriptors, no permission)? libssh answers "unknown" in both cases.
    static func unreadableReason(_ path: String) -> SSHError? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            close(fd)
            return nil
        }
        let code = errno
        return code == ENOENT ? nil : SSHError.local("cannot open the known_hosts file \(path)", errno: code, step: .hostKey)
    }

    private static func checkOpens(_ path: String, writing: Bool) throws(SSHError) {
        if let reason = unreadableReason(path) { throw reason }
        if writing, access(path, W_OK) != 0 {
            throw SSHError.local("accept-new must pin new keys into \(path), but it cannot be written", errno: errno, step: .hostKey)
        }
    }

    /// libssh creates a missing known_hosts (and its folders) when it pins the first key: the
    /// nearest existing folder must be one Triage can write into.
    private static func checkCreatable(_ path: String) throws(SSHError) {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        guard isDirectory.boolValue, access(folder.path, W_OK | X_OK) == 0 else {
            throw SSHError(.localFailure, step: .hostKey,
                           detail: "accept-new must create \(path), but \(folder.path) is not a folder Triage can write into",
                           remedy: "Set known_hosts in the inventory to a file in a writable folder.")
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }
}
