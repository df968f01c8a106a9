import Foundation

/// Reads a password or passphrase file, refusing one no secret could fill: a 300 MB "password"
/// is a wrong path or a mistake, and reading it whole once ran the controller out of memory.
enum SecretFile {
    /// No password or passphrase is near this; the limit only stops absurd files.
    static let sizeLimit = 64 * 1024

    static func read(_ path: String, describedAs source: String) throws(SSHError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SSHError(.credentialUnavailable, detail: "cannot read the secret from \(source): \(String(cString: strerror(errno)))",
                           remedy: "Check that the file exists and that Triage may read it.")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        // Read one byte past the limit, never more, whatever the file claims to be (FIFOs, /dev/zero).
        while bytes.count <= sizeLimit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                for index in bytes.indices { bytes[index] = 0 }
                throw SSHError(.credentialUnavailable, detail: "cannot read the secret from \(source): \(String(cString: strerror(errno)))",
                               remedy: "Check that the path names a readable file.")
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        for index in chunk.indices { chunk[index] = 0 }
        guard bytes.count <= sizeLimit else {
            for index in bytes.indices { bytes[index] = 0 }
            throw tooLarge(source)
        }
        return bytes
    }

    static func tooLarge(_ source: String) -> SSHError {
        SSHError(.credentialUnavailable, detail: "the secret from \(source) is larger than \(sizeLimit / 1024) KiB",
                 remedy: "Point the inventory at the file that holds only the password or passphrase.")
    }
}
