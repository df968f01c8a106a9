/// Parses an LED's `trigger` file: every trigger the kernel offers, the active one in brackets.
///
/// `none timer heartbeat default-on netdev phy0rx phy0tx phy0assoc [phy0radio] phy0tpt`
public enum LEDTriggerParser {
    public struct Triggers: Sendable, Hashable, Codable {
        public var active: String?
        public var available: [String]
    }

    public static func parse(_ text: String, subject: String) -> ParseResult<Triggers> {
        var warnings = WarningCollector(section: subject)
        var triggers = Triggers(active: nil, available: [])
        for word in text.split(whereSeparator: \.isWhitespace) {
            if word.count > 2, word.hasPrefix("["), word.hasSuffix("]") {
                let name = String(word.dropFirst().dropLast())
                if triggers.active != nil { warnings.add("more than one active trigger; keeping the first") }
                triggers.active = triggers.active ?? name
                triggers.available.append(name)
            } else {
                triggers.available.append(String(word))
            }
        }
        if triggers.active == nil {
            warnings.add(triggers.available.isEmpty ? "empty trigger file" : "no active trigger in brackets")
        }
        return warnings.result(triggers)
    }
}
