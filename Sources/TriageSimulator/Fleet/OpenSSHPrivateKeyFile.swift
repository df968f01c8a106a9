import Crypto
import Foundation

/// An unencrypted ed25519 key in OpenSSH's private key format ("openssh-key-v1"), the format both
/// `ssh -i` and libssh read: the fleet's client key is written in it.
enum OpenSSHPrivateKeyFile {
    private static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    private static let end = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1\0".utf8)
    private static let keyType = "ssh-ed25519"

    static func text(of key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = [UInt8](key.publicKey.rawRepresentation)
        let publicBlob = string(Array(keyType.utf8)) + string(publicKey)
        let check = UInt32.random(in: 0...UInt32.max)
        var secret = uint32(check) + uint32(check) + string(Array(keyType.utf8)) + string(publicKey)
            + string([UInt8](key.rawRepresentation) + publicKey) + string(Array(comment.utf8))
        var pad: UInt8 = 1
        while secret.count % 8 != 0 { secret.append(pad); pad += 1 }
        let body = magic + string(Array("none".utf8)) + string(Array("none".utf8)) + string([]) + uint32(1)
            + string(publicBlob) + string(secret)
        let base64 = Data(body).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "\(begin)\n\(base64)\n\(end)\n"
    }

    /// The key in `text`, or nil when it is not an unencrypted ed25519 key in this format.
    static func key(in text: String) -> Curve25519.Signing.PrivateKey? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == begin, lines.last == end,
            let data = Data(base64Encoded: lines.dropFirst().dropLast().joined())
        else { return nil }
        var reader = Reader(bytes: [UInt8](data))
        guard reader.take(magic.count) == magic, reader.string() == Array("none".utf8),
            reader.string() == Array("none".utf8), reader.string() == [], reader.uint32() == 1,
            reader.string() != nil, let secret = reader.string()
        else { return nil }
        var inner = Reader(bytes: secret)
        guard let first = inner.uint32(), first == inner.uint32(), inner.string() == Array(keyType.utf8),
            let publicKey = inner.string(), let privateKey = inner.string(), privateKey.count == 64,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: privateKey.prefix(32)),
            [UInt8](key.publicKey.rawRepresentation) == publicKey
        else { return nil }
        return key
    }

    private static func uint32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func string(_ bytes: [UInt8]) -> [UInt8] { uint32(UInt32(bytes.count)) + bytes }

    /// Reads SSH wire fields (uint32, length-prefixed strings); nil past the end.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func uint32() -> UInt32? {
            take(4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } }
        }

        mutating func string() -> [UInt8]? {
            guard let count = uint32() else { return nil }
            return take(Int(count))
        }
    }
}
