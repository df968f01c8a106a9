import Crypto
public import Foundation

/// The webhook's signature: `X-Triage-Signature: sha256=<hex HMAC-SHA256 of the body>`, keyed with
/// the shared secret. Receivers verify it over the exact bytes received before parsing them.
public enum WebhookSignature {
    public static let header = "X-Triage-Signature"
    public static let idempotencyHeader = "Idempotency-Key"

    public static func sign(_ body: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Constant-time check of a received header value against the body.
    public static func verify(_ body: Data, signature: String, secret: String) -> Bool {
        guard signature.hasPrefix("sha256="), let bytes = hexBytes(String(signature.dropFirst(7))) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
    }

    private static func hexBytes(_ hex: String) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
