import Foundation
import TriageStore

/// Reads the store's password from its source: a file private to the user running Triage (its
/// first line), or an environment variable. Errors name the source, never the password.
enum PostgresPassword {
    /// No password is near this; the limit stops a wrong path to a large file.
    static let sizeLimit = 64 * 1024

    static func read(_ settings: PostgresSettings) throws(StoreError) -> String? {
        switch settings.password {
        case .none:
            return nil
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw StoreError(path: settings.location, problem: "the password's environment variable \(name) is not set",
                                 remedy: "Export \(name) in Triage's environment, or name a password file instead.")
            }
            return value
        case .file(let path):
            return try readFile(path, settings: settings)
        }
    }

    private static func readFile(_ path: String, settings: PostgresSettings) throws(StoreError) -> String {
        func failure(_ problem: String, _ remedy: String) -> StoreError {
            StoreError(path: settings.location, problem: "the password file \(path) \(problem)", remedy: remedy)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            throw failure("cannot be read: \(String(cString: strerror(errno)))", "Check that the file exists and that Triage may read it.")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw failure("is not a regular file", "Name the file that holds only the password.")
        }
        guard status.st_uid == geteuid(), status.st_mode & 0o077 == 0 else {
            throw failure("may be read by others or belongs to another user",
                          "Make it private to the user running Triage: chown that user and chmod 600.")
        }
        guard status.st_size <= sizeLimit else {
            throw failure("is larger than \(sizeLimit / 1024) KiB", "Name the file that holds only the password.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure("cannot be read", "Check that Triage may read it.")
        }
        let firstLine = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        let password = firstLine.hasSuffix("\r") ? String(firstLine.dropLast()) : String(firstLine)
        guard !password.isEmpty else {
            throw failure("is empty", "Write the role's password on the file's first line.")
        }
        return password
    }
}
