/// Parses the rfkill files `/sys/class/rfkill/<id>/{name,type,soft,hard}` into one switch per id.
///
/// `soft` and `hard` hold `0` (not blocked) or `1` (blocked); newer kernels may print other
/// non-zero values for a block, which count as blocked.
public enum RfkillParser {
    public static let attributes: Set<String> = ["name", "type", "soft", "hard"]

    public static func isRfkillFile(_ subject: String) -> Bool {
        SysfsPath.deviceAndAttribute(of: subject, inClass: "rfkill").map { attributes.contains($0.attribute) } ?? false
    }

    /// Reads every rfkill file among `sections`, in the order the switches first appear.
    public static func parse(sections: [ProbeSection]) -> ParseResult<[RfkillSwitch]> {
        var switches: [RfkillSwitch] = []
        var warnings: [ParseWarning] = []
        for section in sections where section.kind == .file && isRfkillFile(section.subject) {
            guard let (id, attribute) = SysfsPath.deviceAndAttribute(of: section.subject, inClass: "rfkill") else {
                continue
            }
            var collector = WarningCollector(section: section.subject)
            let index = switches.firstIndex { $0.id == id } ?? {
                switches.append(RfkillSwitch(id: id))
                return switches.count - 1
            }()
            if let text = SectionInput.text(of: section, warnings: &collector) {
                apply(attribute: attribute, text: text, to: &switches[index], warnings: &collector)
            }
            warnings += collector.warnings
        }
        return ParseResult(value: switches, warnings: warnings)
    }

    private static func apply(
        attribute: String, text: String, to rfkill: inout RfkillSwitch, warnings: inout WarningCollector
    ) {
        let value = text.trimmingBlanksAndNewlines()
        switch attribute {
        case "name": rfkill.name = value.isEmpty ? nil : String(value)
        case "type": rfkill.type = value.isEmpty ? nil : String(value)
        case "soft", "hard":
            guard let number = Int(value) else {
                return warnings.add("expected 0 or 1, found '\(value.prefix(40))'")
            }
            if attribute == "soft" { rfkill.softBlocked = number != 0 } else { rfkill.hardBlocked = number != 0 }
        default: break
        }
    }
}
