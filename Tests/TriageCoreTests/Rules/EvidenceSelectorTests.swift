import Testing

@testable import TriageCore

/// Which sections a finding's evidence comes from: `*` in a section pattern matches any run of
/// characters, slashes included; everything else matches itself.
@Suite struct EvidenceSelectorTests {
    static let subjects = [
        "iw dev", "iw dev wlan0 info", "iw dev wlan1 info", "/sys/class/net/eth0/carrier", "/sys/class/net/wan/carrier",
        "ubus call network.interface.wan status", "logread", "logread -e hostapd",
    ]

    @Test(arguments: [
        ("iw dev", ["iw dev"]),
        ("iw dev *", ["iw dev wlan0 info", "iw dev wlan1 info"]),
        ("iw dev * info", ["iw dev wlan0 info", "iw dev wlan1 info"]),
        ("/sys/class/net/*/carrier", ["/sys/class/net/eth0/carrier", "/sys/class/net/wan/carrier"]),
        ("/sys/*", ["/sys/class/net/eth0/carrier", "/sys/class/net/wan/carrier"]),
        ("*wan*", ["/sys/class/net/wan/carrier", "ubus call network.interface.wan status"]),
        ("*", subjects),
        ("**", subjects),
        ("logread*", ["logread", "logread -e hostapd"]),
        ("*info*info", []),
        ("iw", []),
    ])
    func sectionsMatchTheirPatterns(pattern: String, expected: [String]) {
        let sections = Self.subjects.map { ProbeSection(kind: $0.hasPrefix("/") ? .file : .command, subject: $0, output: "line") }
        let selected = EvidenceSelector(sections: [pattern]).select(from: sections)
        #expect(selected.map(\.section) == expected)
    }

    @Test func aSectionMatchedByTwoPatternsCountsOnce() {
        let sections = Self.subjects.map { ProbeSection(kind: .command, subject: $0, output: "a\nb") }
        let selected = EvidenceSelector(sections: ["iw dev *", "*wlan0*"]).select(from: sections)
        #expect(selected.map(\.section) == ["iw dev wlan0 info", "iw dev wlan1 info"])
        #expect(selected.first?.lines == ["a", "b"])
    }
}
