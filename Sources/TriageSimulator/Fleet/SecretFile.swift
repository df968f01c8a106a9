import Foundation

/// Writes files only their owner may read (mode 0600): keys and passwords.
enum SecretFile {
    static func write(_ text: String, to file: URL) throws {
        try Data(text.utf8).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }
}
