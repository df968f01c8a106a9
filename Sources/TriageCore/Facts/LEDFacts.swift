/// LED facts: what each LED shows, and what the configuration says it should show.
///
/// LEDs are evidence, not truth: a lit WLAN LED with a radio that is down is itself a finding.
public struct LEDFacts: Sendable, Hashable, Codable {
    /// LEDs from `/sys/class/leds/*/{brightness,max_brightness,trigger}`, by name.
    public var leds: [LED]
    /// `led` sections of `uci show system`; `nil` when that section was not there.
    public var configured: [ConfiguredLED]?

    public init(leds: [LED] = [], configured: [ConfiguredLED]? = nil) {
        self.leds = leds
        self.configured = configured
    }

    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {
        let sysfs = LEDSysfsParser.parse(sections: sections)
        warnings += sysfs.warnings
        var leds = sysfs.value
        var configured: [ConfiguredLED]?
        for section in sections where section.kind == .command && section.subject == UCISystemLEDParser.subject {
            var collector = WarningCollector(section: section.subject)
            if let text = SectionInput.text(of: section, warnings: &collector) {
                let result = UCISystemLEDParser.parse(text)
                warnings += collector.warnings + result.warnings
                configured = result.value
            } else {
                warnings += collector.warnings
            }
        }
        for index in leds.indices {
            leds[index].configuredTrigger = configured?.first { $0.sysfs == leds[index].name }?.trigger
        }
        self.init(leds: leds, configured: configured)
    }
}
