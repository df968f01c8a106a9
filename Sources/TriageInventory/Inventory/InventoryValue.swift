import Foundation
import TriageCore

/// The shapes the inventory allows for names Triage passes on: device ids (command lines, file
/// names, tickets), hosts (the resolver) and users (the SSH login). Each check returns what is
/// wrong, or nil; `quoted` is how a value is echoed in an error.
enum InventoryValue {
    static let idLimit = 64
    static let userLimit = 32
    static let hostLimit = 253

    /// `[A-Za-z0-9._-]`, not starting with '-' or '.': nothing that looks like another id
    /// (Cyrillic 'с', a zero-width joiner) or like an option (`-rf`).
    static func idProblem(_ id: String) -> String? {
        if id.isEmpty { return "a device id may not be empty" }
        if id.utf8.count > idLimit { return "device id \(quoted(id)) is longer than \(idLimit) characters" }
        if let bad = id.unicodeScalars.first(where: { !isWordScalar($0) }) {
            return "device id \(quoted(id)) has \(named(bad)); ids use only A-Z, a-z, 0-9, '.', '_' and '-'"
        }
        if id.hasPrefix("-") || id.hasPrefix(".") { return "device id \(quoted(id)) may not start with '-' or '.'" }
        return nil
    }

    static func userProblem(_ user: String) -> String? {
        if user.isEmpty || user.utf8.count > userLimit { return "`user` must be 1–\(userLimit) characters, not \(quoted(user))" }
        if let bad = user.unicodeScalars.first(where: { !isWordScalar($0) }) {
            return "`user` \(quoted(user)) has \(named(bad)); login names use only A-Z, a-z, 0-9, '.', '_' and '-'"
        }
        if user.hasPrefix("-") { return "`user` \(quoted(user)) may not start with '-'" }
        return nil
    }

    /// A DNS name, an IPv4 address or an IPv6 address (a `%zone` allowed); no port, no brackets.
    static func hostProblem(_ host: String) -> String? {
        let expected = "a host is a DNS name, an IPv4 or an IPv6 address"
        if host.isEmpty || host.utf8.count > hostLimit { return "\(expected), 1–\(hostLimit) characters; not \(quoted(host))" }
        if let bad = host.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value >= 0x7F }) {
            return "host \(quoted(host)) has \(named(bad)); \(expected) in ASCII (punycode for international names)"
        }
        if isIPv4(host) || isIPv6(host) { return nil }
        if host.contains(":") {
            let port = host.split(separator: ":").last.map { $0.allSatisfy(\.isNumber) } ?? false
            return port && !host.contains("::") && host.filter({ $0 == ":" }).count == 1
                ? "host \(quoted(host)) has a port in it: write the address in `host:` and the port in `port:`"
                : "host \(quoted(host)) is not a valid IPv6 address (write it without brackets or port)"
        }
        let labels = host.hasSuffix(".") ? host.dropLast().split(separator: ".", omittingEmptySubsequences: false)
            : host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.last.map({ $0.allSatisfy(\.isNumber) }) == true { return "host \(quoted(host)) is not a valid IPv4 address" }
        for label in labels {
            if label.isEmpty || label.count > 63 || label.hasPrefix("-") || label.hasSuffix("-")
                || !label.unicodeScalars.allSatisfy({ isWordScalar($0) && $0 != "." }) {
                return "host \(quoted(host)) is not a valid DNS name (labels of 1–63 letters, digits, '-' or '_', not starting or ending with '-')"
            }
        }
        return nil
    }

    /// How an error echoes a value (`QuotedValue`: lookalikes shown, cut after 80 characters).
    static func quoted(_ value: some StringProtocol) -> String { QuotedValue.quoted(value) }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }

    private static func named(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(format: "%04X", scalar.value)
        return (0x21..<0x7F).contains(scalar.value) ? "'\(scalar)' (\(code))" : code
    }

    private static func isIPv4(_ host: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }

    private static func isIPv6(_ host: String) -> Bool {
        let parts = host.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
        var address = in6_addr()
        guard inet_pton(AF_INET6, String(parts[0]), &address) == 1 else { return false }
        return parts.count == 1 || (!parts[1].isEmpty && parts[1].unicodeScalars.allSatisfy(isWordScalar))
    }
}
