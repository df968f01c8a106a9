import Foundation
import Glibc

/// Where a fleet may write: a folder of the user's own, and over files it wrote itself. The fleet
/// folder holds the password and host keys that give a root shell on every device, so nobody else
/// may write to it; and an inventory, a known_hosts or a ready file is only replaced when the
/// simulator wrote it (its first line is `header`), never a device, a folder or someone's file.
enum FleetFileGuard {
    /// The first line of every file the simulator writes that is not a secret.
    static let header = "# Written by triage simulate"

    /// Checks (or makes, 0700) the fleet's folder and its state folders, and the files it will replace.
    static func check(_ files: FleetFiles, readyFile: URL?) throws(SimulatorError) {
        // The targets first: nothing is made beside a target that is refused (`--inventory-out /dev/null`).
        try checkReplaceable(files.inventory, option: "--inventory-out")
        try checkReplaceable(files.knownHosts, option: "the known_hosts beside --inventory-out")
        try checkReplaceable(files.authorizedKeys, option: "the simulator-authorized-keys beside --inventory-out")
        if let readyFile { try checkReplaceable(readyFile, option: "--ready-file") }
        for folder in [files.directory, files.stateDirectory, files.hostKeysDirectory] {
            try checkPrivateFolder(folder)
        }
    }

    /// A folder nobody else may write to, owned by this user; made 0700 if missing.
    static func checkPrivateFolder(_ folder: URL) throws(SimulatorError) {
        var info = stat()
        // Followed if it is a link: what it points to must be the user's own.
        if stat(folder.path, &info) != 0 {
            do {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw SimulatorError("Could not create the fleet's folder \(folder.path): \(error)")
            }
            return
        }
        try requireOwn(
            folder.path, info, type: S_IFDIR, kind: "folder", forbidden: 0o022,
            holding: "the fleet keeps its password and host keys there, and others may write to nothing of it",
            remedy: "Use a folder of your own that only you can write to (mkdir -m 700 DIR), for example a new one.")
    }

    /// Refuses `path` (described by `info`) unless it is of `type`, belongs to this user and has
    /// none of the `forbidden` mode bits: `holding` says why that matters, `remedy` what to do.
    static func requireOwn(
        _ path: String, _ info: stat, type: mode_t, kind: String, forbidden: mode_t, holding: String, remedy: String
    ) throws(SimulatorError) {
        guard info.st_mode & S_IFMT == type else {
            throw SimulatorError("\(path) is not a \(kind); \(holding). \(remedy)")
        }
        guard info.st_uid == geteuid() else {
            throw SimulatorError("\(path) belongs to uid \(info.st_uid), not to this user (uid \(geteuid())): someone "
                + "else may have made it, and \(holding). \(remedy)")
        }
        guard info.st_mode & forbidden == 0 else {
            throw SimulatorError("\(path) has mode \(String(info.st_mode & 0o7777, radix: 8)), too open: \(holding). \(remedy)")
        }
    }

    /// Refuses `file` unless it is missing or a regular file whose first line is `header`.
    static func checkReplaceable(_ file: URL, option: String) throws(SimulatorError) {
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SimulatorError("\(file.path) (\(option)) exists and is not a regular file (a device, a pipe, a "
                + "folder or a link); the simulator only replaces files it wrote. Name a new file.")
        }
        guard writtenBySimulator(file) else {
            throw SimulatorError("\(file.path) (\(option)) exists and was not written by triage simulate (its first "
                + "line is not '\(header)…'); the simulator does not replace it. Move it away or name a new file.")
        }
    }

    private static func writtenBySimulator(_ file: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: header.utf8.count)) ?? Data()
        return start == Data(header.utf8)
    }
}
