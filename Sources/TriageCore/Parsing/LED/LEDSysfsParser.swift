/// Reads the LED files `/sys/class/leds/<name>/{brightness,max_brightness,trigger}` into one
/// `LED` per name, in the order the names first appear.
public enum LEDSysfsParser {
    public static let attributes: Set<String> = ["brightness", "max_brightness", "trigger"]

    public static func parse(sections: [ProbeSection]) -> ParseResult<[LED]> {
        var leds: [LED] = []
        var warnings: [ParseWarning] = []
        for section in sections where section.kind == .file {
            guard let (name, attribute) = SysfsPath.deviceAndAttribute(of: section.subject, inClass: "leds"),
                attributes.contains(attribute)
            else { continue }
            var collector = WarningCollector(section: section.subject)
            let index = leds.firstIndex { $0.name == name } ?? {
                leds.append(LED(name: name))
                return leds.count - 1
            }()
            if let text = SectionInput.text(of: section, warnings: &collector) {
                apply(attribute: attribute, text: text, subject: section.subject, to: &leds[index], warnings: &collector)
            }
            warnings += collector.warnings
        }
        return ParseResult(value: leds, warnings: warnings)
    }

    private static func apply(
        attribute: String, text: String, subject: String, to led: inout LED, warnings: inout WarningCollector
    ) {
        switch attribute {
        case "trigger":
            let triggers = LEDTriggerParser.parse(text, subject: subject)
            for warning in triggers.warnings { warnings.add(warning.message, line: warning.line) }
            led.activeTrigger = triggers.value.active
        default:
            guard let number = SysfsPath.integer(text) else {
                return warnings.add("expected a number, found '\(text.trimmingBlanksAndNewlines().prefix(40))'")
            }
            if attribute == "brightness" { led.brightness = number } else { led.maxBrightness = number }
        }
    }
}
