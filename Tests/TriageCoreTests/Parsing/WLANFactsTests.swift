import Foundation
import Testing
import TriageCore

@Suite struct WLANFactsTests {
    static func command(_ subject: String, _ output: String, exitCode: Int = 0) -> ProbeSection {
        ProbeSection(kind: .command, subject: subject, output: output, exitCode: exitCode)
    }

    static func file(_ subject: String, _ output: String, absent: Bool = false) -> ProbeSection {
        ProbeSection(kind: .file, subject: subject, output: output, isAbsent: absent)
    }

    @Test func mergesInterfacesFromEverySource() {
        let sections = [
            Self.command("iw dev", "phy#0\n\tInterface wlan0\n\t\tssid Home\n\t\ttype AP\n\t\tchannel 1 (2412 MHz), width: 20 MHz, center1: 2412 MHz\n"),
            Self.command("iw dev wlan0 info", "Interface wlan0\n\ttype AP\n\twiphy 0\n\ttxpower 20.00 dBm\n"),
            Self.command("iwinfo", "wlan0     ESSID: \"Home\"\n          Mode: Master  Channel: 1 (2.412 GHz)  HT Mode: HT40\n          Hardware: embedded [MediaTek MT7628]\n          Supports VAPs: yes  PHY name: phy0\n\nwlan1     ESSID: \"Guest\"\n          Mode: Client  Channel: 36 (5.180 GHz)\n"),
        ]
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: sections, warnings: &warnings)
        #expect(warnings.isEmpty)
        #expect(facts.interfaces.map(\.name) == ["wlan0", "wlan1"])
        let wlan0 = facts.interfaces.first
        #expect(wlan0?.txPowerDBm == 20)
        #expect(wlan0?.widthMHz == 20, "iw's width wins over iwinfo's HT mode")
        #expect(wlan0?.phy == "phy0")
        #expect(wlan0?.hardware == "embedded [MediaTek MT7628]")
        #expect(facts.interfaces.last?.type == "managed")
        #expect(facts.interfaces.last?.frequencyMHz == 5180)
    }

    @Test func readsEverySectionKind() {
        let sections = [
            Self.file("/sys/class/ieee80211/", "phy0\nphy1\n"),
            Self.command("ubus list", "network.wireless\nhostapd\nhostapd.phy0-ap0\ndsl\n"),
            Self.command("ubus call hostapd.phy0-ap0 get_clients", #"{"freq": 2412, "clients": {"aa:bb:cc:dd:ee:ff": {"authorized": false}}}"#),
            Self.command("ubus call network.wireless status", #"{"radio0": {"up": false, "disabled": true}}"#),
            Self.command("iw dev phy0-ap0 station dump", "Station aa:bb:cc:dd:ee:ff (on phy0-ap0)\n\tsignal: -80 dBm\n\ttx failed: 12\n"),
            Self.file("/sys/class/rfkill/rfkill0/name", "phy0\n"),
            Self.file("/sys/class/rfkill/rfkill0/type", "wlan\n"),
            Self.file("/sys/class/rfkill/rfkill0/soft", "1\n"),
            Self.file("/sys/class/rfkill/rfkill0/hard", "0\n"),
            Self.file("/sys/class/rfkill/rfkill1/soft", "", absent: true),
            Self.file("/sys/class/rfkill/rfkill1/hard", "on\n"),
        ]
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: sections, warnings: &warnings)
        #expect(facts.phys == ["phy0", "phy1"])
        #expect(facts.hostapdObjects == ["hostapd.phy0-ap0"])
        #expect(facts.hostapd.first?.clients.first?.authorized == false)
        #expect(facts.radios?.first?.disabled == true)
        #expect(facts.stations.first?.txFailed == 12)
        #expect(facts.stations.first?.signalDBm == -80)
        #expect(facts.rfkill.count == 2)
        #expect(facts.rfkill.first?.name == "phy0")
        #expect(facts.rfkill.first?.type == "wlan")
        #expect(facts.rfkill.first?.softBlocked == true)
        #expect(facts.rfkill.first?.hardBlocked == false)
        #expect(facts.rfkill.last?.softBlocked == nil)
        #expect(facts.rfkill.last?.hardBlocked == nil)
        #expect(warnings.map(\.section) == ["/sys/class/rfkill/rfkill1/hard"])
    }

    @Test func missingSectionsAndToolsAreNotFacts() {
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: [
            Self.command("iw dev", "", exitCode: 127),
            Self.command("ubus call network.wireless status", "", exitCode: 127),
        ], warnings: &warnings)
        #expect(facts == WLANFacts())
        #expect(warnings.isEmpty)
    }

    @Test func absentPhyListingMeansNoPhys() {
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: [Self.file("/sys/class/ieee80211/", "", absent: true)], warnings: &warnings)
        #expect(facts.phys == [])
    }

    @Test func failedAndTruncatedSectionsWarn() {
        var warnings: [ParseWarning] = []
        var cut = Self.command("iw dev", "phy#0\n\tInterface wlan0\n\t\ttype AP\n\t\tchan")
        cut.isTruncated = true
        let facts = WLANFacts(sections: [
            cut,
            Self.command("ubus call network.wireless status", "", exitCode: 4),
        ], warnings: &warnings)
        #expect(facts.interfaces.first?.type == "AP")
        #expect(facts.radios == nil)
        #expect(warnings.count == 2)
    }

    @Test func factsRoundTripThroughCodable() throws {
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: [
            Self.command("iw dev", "phy#0\n\tInterface wlan0\n\t\ttype AP\n"),
            Self.file("/sys/class/ieee80211/", "phy0\n"),
        ], warnings: &warnings)
        let data = try JSONEncoder().encode(facts)
        #expect(try JSONDecoder().decode(WLANFacts.self, from: data) == facts)
    }
}
