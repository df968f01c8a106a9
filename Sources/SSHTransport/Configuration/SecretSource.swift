import Foundation

/// Where a secret (a password or a key's passphrase) is read from. The secret itself is never
/// stored in configuration, logged, or put into an error message; only this reference is.
public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
    /// A file whose content (without a trailing newline) is the secret.
    case file(path: String)
    /// An environment variable of the Triage process.
    case environment(name: String)

    public var description: String {
        switch self {
        case .file(let path): "file \(path)"
        case .environment(let name): "environment variable \(name)"
        }
    }

    /// Reads the secret. Errors name the source, never its content.
    func read() throws(SSHError) -> Secret {
        switch self {
        case .file(let path):
            var bytes = try SecretFile.read(path, describedAs: description)
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            return Secret(bytes: bytes)
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw SSHError(.credentialUnavailable, detail: "the \(self) is not set",
                               remedy: "Export \(name) in Triage's environment, or name a file instead.")
            }
            guard value.utf8.count <= SecretFile.sizeLimit else { throw SecretFile.tooLarge(description) }
            return Secret(bytes: Array(value.utf8))
        }
    }
}

/// A secret in memory: wiped when no longer used, and never printed.
final class Secret: @unchecked Sendable, CustomStringConvertible {
    private var bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    deinit {
        for index in bytes.indices { bytes[index] = 0 }
    }

    /// Calls `body` with the secret as a NUL-terminated C string.
    func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        var terminated = bytes.map { CChar(bitPattern: $0) }
        terminated.append(0)
        defer { for index in terminated.indices { terminated[index] = 0 } }
        return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    var description: String { "<secret>" }
}
