import Crypto
import Foundation
import TriageActions

/// Who may escalate: a bearer token whose SHA-256 is in the config, or a request signed with the
/// shared secret (HMAC-SHA256 over "<timestamp>.<body>", within the window, each signature once).
/// Every comparison runs in constant time; no token, secret or signature is ever logged.
struct RequestAuthenticator: Sendable {
    enum Outcome: Equatable {
        /// The token's name, or "signature".
        case accepted(String)
        /// Why, for a debug log line: never the token, the secret or the signature.
        case rejected(String)
    }

    static let window: TimeInterval = 300

    let tokens: [ServiceConfiguration.Token]
    /// The secret's bytes (SymmetricKey is not Sendable; one is made per check).
    let signingKey: [UInt8]?
    let replays = ReplayCache(window: window)

    init(tokens: [ServiceConfiguration.Token], signingSecret: String?) {
        self.tokens = tokens
        signingKey = signingSecret.map { Array($0.utf8) }
    }

    func check(authorization: String?, timestamp: String?, signature: String?, body: [UInt8], now: Date = Date()) -> Outcome {
        if let authorization {
            return bearer(authorization)
        }
        if let timestamp, let signature {
            return signed(timestamp: timestamp, signature: signature, body: body, now: now)
        }
        return .rejected("no Authorization header and no signature")
    }

    private func bearer(_ header: String) -> Outcome {
        let prefix = "Bearer "
        guard header.hasPrefix(prefix) else { return .rejected("Authorization is not a Bearer token") }
        let presented = Array(SHA256.hash(data: Data(header.dropFirst(prefix.count).utf8)))
        // Every configured hash is compared, whichever matches: the time taken tells nothing.
        var match: String?
        for token in tokens where Self.constantTimeEqual(token.sha256, presented) {
            match = match ?? token.name
        }
        return match.map { .accepted($0) } ?? .rejected("unknown bearer token")
    }

    private func signed(timestamp: String, signature: String, body: [UInt8], now: Date) -> Outcome {
        guard let signingKey else { return .rejected("signature, but no signing secret is configured") }
        guard let seconds = Int64(timestamp) else { return .rejected("X-Triage-Timestamp is not whole seconds") }
        guard abs(now.timeIntervalSince1970 - Double(seconds)) <= Self.window else {
            return .rejected("X-Triage-Timestamp outside the 5-minute window")
        }
        guard signature.hasPrefix("sha256="), let code = ServiceConfiguration.bytes(hex: String(signature.dropFirst(7))), code.count == 32 else {
            return .rejected("X-Triage-Signature is not sha256=<64 hex digits>")
        }
        let signed = Array("\(timestamp).".utf8) + body
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: signed, using: SymmetricKey(data: signingKey)) else {
            return .rejected("signature does not match")
        }
        guard replays.admit(signature.lowercased(), now: now) else { return .rejected("signature replayed") }
        return .accepted("signature")
    }

    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

extension RequestAuthenticator: CustomStringConvertible, CustomDebugStringConvertible {
    /// Whatever prints it (a log of the service group, a debugger) sees no hash and no key.
    var description: String { "RequestAuthenticator(tokens: \(tokens.count), signatures: \(signingKey == nil ? "off" : "on"))" }
    var debugDescription: String { description }
}
