public import Foundation
import Crypto

/// One probe as it is sent to a device: the shared helpers followed by the probe's own script.
///
/// The text goes to the device's `sh -s` on stdin; the token and the script's SHA-256 go as its
/// arguments (`sh -s -- <token> <sha256>`), see Docs/probe-protocol.md, "Running a probe".
public struct ProbeScript: Sendable, Hashable {
    /// `wlan`, `link`, `led` or `system`: also the name in the output's header frame.
    public let name: String
    /// Exactly the bytes sent on stdin.
    public let text: String
    /// SHA-256 of `text`, lowercase hex: names the script in the header and in the audit log.
    public let sha256: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.sha256 = SHA256.hash(data: Data(text.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// What to send on stdin.
    public var stdin: Data { Data(text.utf8) }

    /// The arguments for the device's `sh`: read the script from stdin, pass token and hash.
    public func shellArguments(token: ProbeToken) -> [String] {
        ["-s", "--", token.hex, sha256]
    }

    /// The command line for an SSH exec request. Token and hash are hex, so no quoting is needed.
    public func commandLine(token: ProbeToken) -> String {
        (["sh"] + shellArguments(token: token)).joined(separator: " ")
    }
}
