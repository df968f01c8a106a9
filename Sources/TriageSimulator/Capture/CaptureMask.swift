import Foundation
public import TriageCore

/// Masks what identifies the customer in a captured case, CONSISTENTLY: the same MAC address
/// always becomes the same fake one (and so do SSIDs, the hostname, the names dnsmasq logs for
/// the customer's devices and public IPv4 addresses),
/// so a station seen in `iw` and in the log is still one station, and the facts keep their shape.
/// Secrets are masked as the controller masks evidence (`Redaction`).
///
/// Kept as they are, because they are facts and identify no one: the all-zero and broadcast
/// MACs, private, loopback, link-local and shared (CGNAT) IPv4 addresses.
public final class CaptureMask {
    private var replacements: [String: String] = [:]
    private var counts: [String: Int] = [:]

    private let mac: NSRegularExpression
    private let ipv4: NSRegularExpression
    /// Values that name the customer where they stand: SSIDs (iw, iwinfo, JSON, uci), the hostname, client names in the log.
    private let namedValues: [(kind: String, regex: NSRegularExpression)]

    /// Throws only if a pattern of this file does not compile (a defect caught by the first test that masks).
    public init() throws {
        // Linear patterns only: device output is hostile input (see `Redaction`).
        mac = try NSRegularExpression(pattern: "(?<![0-9A-Fa-f:-])(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])")
        ipv4 = try NSRegularExpression(pattern: "(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9.])")
        namedValues = try [
            ("ssid", "(?m)^[ \\t]*ssid (.+)$"), ("ssid", "ESSID: \"([^\"\\n]*)\""),
            ("ssid", "\"ssid\"\\s*:\\s*\"([^\"\\n]*)\""), ("ssid", "\\.ssid='([^'\\n]*)'"),
            ("host", "\"hostname\"\\s*:\\s*\"([^\"\\n]*)\""), ("host", "\\.hostname='([^'\\n]*)'"),
            // dnsmasq names the customer's own devices: "DHCPACK(br-lan) 192.168.1.204 <mac> Johns-iPhone".
            ("client", "DHCP[A-Z]*\\([^)\\n]*\\) [0-9.]+ [0-9A-Fa-f:-]{17} ([^ \\n]+)"),
        ].map { (kind: $0.0, regex: try NSRegularExpression(pattern: $0.1)) }
    }

    /// The masked section: secrets, then identifiers.
    public func mask(_ section: ProbeSection) -> ProbeSection {
        var masked = Redaction.redact(section)
        masked.output = mask(text: masked.output)
        masked.errorOutput = mask(text: masked.errorOutput)
        return masked
    }

    /// `text` with every identifier replaced by its stand-in.
    public func mask(text: String) -> String {
        var text = text
        text = replace(mac, in: text) { mac in
            let key = mac.lowercased().replacingOccurrences(of: "-", with: ":")
            guard !Self.keptMACs.contains(key) else { return mac }
            let fake = self.standIn(for: "mac:" + key, kind: "mac") { n in
                "02:00:00:" + [n >> 16, n >> 8, n].map { String(format: "%02x", $0 & 0xff) }.joined(separator: ":")
            }
            let styled = mac.contains("-") ? fake.replacingOccurrences(of: ":", with: "-") : fake
            return mac == mac.uppercased() && mac != mac.lowercased() ? styled.uppercased() : styled
        }
        text = replace(ipv4, in: text) { address in
            guard Self.isPublic(address) else { return address }
            return self.standIn(for: "ip:" + address, kind: "ip") { n in "203.0.113.\((n - 1) % 254 + 1)" }
        }
        for pattern in namedValues {
            text = replace(pattern.regex, in: text, group: 1) { value in
                value.isEmpty ? value : self.standIn(for: pattern.kind + ":" + value, kind: pattern.kind) { n in "\(pattern.kind)-\(n)" }
            }
        }
        return text
    }

    /// The stand-in for `key`, made once (`make` gets 1, 2, … per kind).
    private func standIn(for key: String, kind: String, make: (Int) -> String) -> String {
        if let known = replacements[key] { return known }
        let next = (counts[kind] ?? 0) + 1
        counts[kind] = next
        let made = make(next)
        replacements[key] = made
        return made
    }

    /// Replaces each match (or its capture `group`) by `with`'s answer, left to right.
    private func replace(_ regex: NSRegularExpression, in text: String, group: Int = 0, with: (String) -> String) -> String {
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return text }
        var result = ""
        var position = text.startIndex
        for match in matches {
            guard let range = Range(match.range(at: group), in: text) else { continue }
            result += text[position..<range.lowerBound]
            result += with(String(text[range]))
            position = range.upperBound
        }
        return result + text[position...]
    }

    private static let keptMACs: Set<String> = ["00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"]

    private static func isPublic(_ address: String) -> Bool {
        let octets = address.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4, octets.allSatisfy({ (0...255).contains($0) }) else { return false }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168), (255, _): return false
        case (172, 16...31), (100, 64...127): return false
        case (224...239, _): return false
        default: return true
        }
    }
}
