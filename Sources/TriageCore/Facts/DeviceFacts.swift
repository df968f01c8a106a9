/// Everything the parsers learned from one probe run, in four groups, plus what they could not read.
///
/// Rules see these facts, never raw text.
public struct DeviceFacts: Sendable, Hashable, Codable {
    public var wlan: WLANFacts
    public var link: LinkFacts
    public var led: LEDFacts
    public var system: SystemFacts
    public var warnings: [ParseWarning]

    /// Parses every section it knows; sections of unknown subjects are ignored.
    public init(sections: [ProbeSection]) {
        var warnings: [ParseWarning] = []
        wlan = WLANFacts(sections: sections, warnings: &warnings)
        link = LinkFacts(sections: sections, warnings: &warnings)
        led = LEDFacts(sections: sections, warnings: &warnings)
        system = SystemFacts(sections: sections, warnings: &warnings)
        self.warnings = warnings
    }
}
