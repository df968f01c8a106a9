import TriageCore

/// The field rules of Docs/openapi.yaml (`TicketReference`, `EscalationRequest`), checked the same
/// way for HTTP and RT intake. Keep the two in step: schemathesis checks them against each other.
enum EscalationValidation {
    static let urlLimit = 2048
    static let deviceLimit = 128

    /// The first problem, or nil.
    static func problem(ticket: TicketReference, deviceID: String) -> String? {
        if !matches(ticket.system, first: isLowerLetter, rest: { isLowerLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }, limit: 32) {
            return "ticket.system must be 1 to 32 of a-z, 0-9, '_' and '-', starting with a letter"
        }
        if !matches(ticket.id, first: isAlphanumeric, rest: { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }, limit: 64) {
            return "ticket.id must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit"
        }
        if let url = ticket.url {
            let scheme = url.hasPrefix("https://") ? "https://" : url.hasPrefix("http://") ? "http://" : nil
            guard let scheme, url.utf8.count <= urlLimit, url.utf8.count > scheme.utf8.count,
                  url.utf8.allSatisfy(isVisible) else {
                return "ticket.url must be an http:// or https:// URL of at most \(urlLimit) visible ASCII characters"
            }
        }
        guard !deviceID.isEmpty, deviceID.utf8.count <= deviceLimit, deviceID.utf8.allSatisfy(isVisible) else {
            return "device must be 1 to \(deviceLimit) visible ASCII characters (an id from the inventory)"
        }
        return nil
    }

    private static func matches(_ text: String, first: (UInt8) -> Bool, rest: (UInt8) -> Bool, limit: Int) -> Bool {
        let bytes = Array(text.utf8)
        guard let head = bytes.first, bytes.count <= limit, first(head) else { return false }
        return bytes.dropFirst().allSatisfy(rest)
    }

    private static func isLowerLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerLetter(byte) || isDigit(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    /// `[!-~]`: printable ASCII without the space.
    private static func isVisible(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }
}
