/// Parses `uci -q show system`, keeping only `led` sections (the rest of the system config is
/// not LED business, and may hold things that should not be kept).
///
/// ```
/// system.led_wlan=led
/// system.led_wlan.name='WLAN'
/// system.led_wlan.sysfs='green:wlan'
/// system.led_wlan.trigger='phy0tpt'
/// system.@led[0]=led
/// ```
public enum UCISystemLEDParser {
    public static let subject = "uci -q show system"

    public static func parse(_ text: String, subject: String = subject) -> ParseResult<[ConfiguredLED]> {
        var warnings = WarningCollector(section: subject)
        var sectionOrder: [String] = []
        var types: [String: String] = [:]
        var options: [String: [(option: String, value: Substring)]] = [:]
        for line in TextLines.numbered(text) {
            let trimmed = line.trimmed
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "="), trimmed.hasPrefix("system.") else {
                warnings.add("not a 'system.<section>[.<option>]=<value>' line", line: line.number)
                continue
            }
            let path = trimmed[..<equals].split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
            let value = trimmed[trimmed.index(after: equals)...]
            guard path.count >= 2, let section = path.dropFirst().first, !section.isEmpty else {
                warnings.add("no section name", line: line.number)
                continue
            }
            let name = String(section)
            if !sectionOrder.contains(name) { sectionOrder.append(name) }
            if path.count == 2 {
                types[name] = UCIValue.text(value)
            } else if let option = path.last {
                options[name, default: []].append((String(option), value))
            }
        }
        let leds = sectionOrder.filter { isLEDSection($0, type: types[$0]) }.map { section in
            led(section: section, options: options[section] ?? [])
        }
        return warnings.result(leds)
    }

    private static func isLEDSection(_ section: String, type: String?) -> Bool {
        type == "led" || (type == nil && section.hasPrefix("@led["))
    }

    private static func led(section: String, options: [(option: String, value: Substring)]) -> ConfiguredLED {
        var led = ConfiguredLED(section: section)
        for (option, raw) in options {
            let value = UCIValue.text(raw)
            switch option {
            case "name": led.name = value
            case "sysfs": led.sysfs = value
            case "trigger": led.trigger = value
            case "dev": led.device = value
            case "mode": led.mode = value
            case "default": led.defaultOn = ["1", "on", "true", "yes", "enabled"].contains(value)
            default: break
            }
        }
        return led
    }
}
