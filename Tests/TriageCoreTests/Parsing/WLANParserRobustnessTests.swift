import Foundation
import Testing
import TriageCore

/// Empty, truncated and garbled input for every WLAN parser: what can be read is kept, the rest
/// becomes warnings, nothing traps.
@Suite struct WLANParserRobustnessTests {
    static let garbage = [
        "\u{0}\u{1}\u{FFFD}\u{7F}binary\u{1B}[0m",
        "sh: iw: not found",
        "{\"radio0\": [1, 2",
        "Station\nInterface\nphy#\nESSID:\n\t\t:\n[[[[\n]]]",
        String(repeating: "x", count: 5000),
    ]

    @Test func iwDev() throws {
        #expect(IwDevParser.parse("").value.isEmpty)
        #expect(IwDevParser.parse("").warnings.isEmpty)
        let full = try Self.corpus("iw-dev/wrt3200acm-mwlwifi-3phy-lede.txt")
        let cut = IwDevParser.parse(Self.firstHalf(of: full))
        #expect(cut.value.count == 2)
        #expect(cut.value.last?.txPowerDBm == nil)
        let garbled = IwDevParser.parse("garbage\nphy#x\n\tInterface wlan0\n\t\tchannel abc\n\t\ttxpower ?\n")
        #expect(garbled.value.map(\.name) == ["wlan0"])
        #expect(garbled.warnings.count == 4)
        for text in Self.garbage { _ = IwDevParser.parse(text) }
    }

    @Test func iwDevSkipsUnnamedInterfaces() {
        let text = "phy#0\n\tUnnamed/non-netdev interface\n\t\twdev 0x2\n\t\ttype P2P-device\n\tInterface wlan0\n\t\ttype managed\n"
        let result = IwDevParser.parse(text)
        #expect(result.value.map(\.name) == ["wlan0"])
        #expect(result.value.first?.type == "managed")
        #expect(result.warnings.isEmpty)
    }

    @Test func iwDevInfo() {
        #expect(IwDevInfoParser.parse("", interface: "wlan0").value == nil)
        let headerless = IwDevInfoParser.parse("\ttype AP\n\twiphy 1\n", interface: "wlan1")
        #expect(headerless.value?.name == "wlan1")
        #expect(headerless.value?.wiphy == 1)
        #expect(headerless.warnings.count == 1)
        let other = IwDevInfoParser.parse("Interface wlan9\n\ttype AP\n", interface: "wlan1")
        #expect(other.warnings.count == 1)
        for text in Self.garbage { _ = IwDevInfoParser.parse(text, interface: "wlan0") }
    }

    @Test func stationDump() throws {
        #expect(IwStationDumpParser.parse("", interface: "wlan0").value.isEmpty)
        #expect(IwStationDumpParser.parse("", interface: "wlan0").warnings.isEmpty)
        let full = try Self.corpus("iw-station-dump/protectli-vp2440-mt7916-new-iw-fields.txt")
        let cut = IwStationDumpParser.parse(Self.firstHalf(of: full), interface: "phy1-ap0")
        #expect(cut.value.first?.macAddress == "ae:d0:e6:3c:90:ec")
        #expect(cut.value.first?.signalDBm == -53)
        #expect(cut.value.first?.connectedSeconds == nil)
        let garbled = IwStationDumpParser.parse("Station aa (on wlan0)\n\tsignal: strong\n\tnonsense\n", interface: "wlan0")
        #expect(garbled.value.first?.signalDBm == nil)
        #expect(garbled.warnings.count == 2)
        for text in Self.garbage { _ = IwStationDumpParser.parse(text, interface: "wlan0") }
    }

    @Test func iwinfo() throws {
        #expect(IwinfoParser.parse("").value.isEmpty)
        let full = try Self.corpus("iwinfo-info/luci1069-xiaomi-mt7662-2vifs-trimmed.txt")
        let cut = IwinfoParser.parse(Self.firstHalf(of: full))
        #expect(cut.value.map(\.name) == ["wlan0"])
        let garbled = IwinfoParser.parse("No such wireless device: wlan9\n")
        #expect(garbled.value.isEmpty)
        #expect(garbled.warnings.count == 1)
        let wrongTool = IwinfoParser.parse(try Self.corpus("iw-dev/mt7628-mt76-owl-no-txpower.txt"))
        #expect(wrongTool.value.isEmpty)
        #expect(!wrongTool.warnings.isEmpty)
        for text in Self.garbage { _ = IwinfoParser.parse(text) }
    }

    @Test func wirelessStatus() throws {
        let empty = NetworkWirelessStatusParser.parse("")
        #expect(empty.value.isEmpty)
        #expect(empty.warnings.count == 1)
        let full = try Self.corpus("ubus-network-wireless-status/xiaomi-ax6000-3radios-radio2-up-no-iface.txt")
        let cut = NetworkWirelessStatusParser.parse(Self.firstHalf(of: full))
        #expect(cut.value.first?.name == "radio0")
        #expect(cut.value.first?.up == true)
        #expect(cut.value.first?.interfaces.first?.ifname == "phy1-ap0")
        #expect(!cut.warnings.isEmpty)
        let wrongShape = NetworkWirelessStatusParser.parse("[1, 2]")
        #expect(wrongShape.value.isEmpty)
        #expect(wrongShape.warnings.count == 1)
        for text in Self.garbage { _ = NetworkWirelessStatusParser.parse(text) }
    }

    @Test func wirelessStatusKeepsConfiguredInterfaceWithoutIfname() {
        let text = #"{"radio0": {"up": false, "pending": true, "retry_setup_failed": true,"#
            + #" "config": {"channel": 36, "disabled": true}, "interfaces": [{"section": "wifinet0", "config": {"network": "lan wan"}}]}}"#
        let radio = NetworkWirelessStatusParser.parse(text).value.first
        #expect(radio?.retrySetupFailed == true)
        #expect(radio?.disabled == true)
        #expect(radio?.channel == "36")
        #expect(radio?.interfaces.first?.ifname == nil)
        #expect(radio?.interfaces.first?.networks == ["lan", "wan"])
    }

    @Test func ubusList() {
        #expect(UbusListParser.parse("").value.isEmpty)
        let result = UbusListParser.parse("dhcp\nhostapd\nhostapd.phy0-ap0\n\tnetwork.wireless\r\nlog\nnot a name\n")
        #expect(result.value == ["dhcp", "hostapd", "hostapd.phy0-ap0", "network.wireless", "log"])
        #expect(result.warnings.count == 1)
        for text in Self.garbage { _ = UbusListParser.parse(text) }
    }

    @Test func hostapdClients() throws {
        let empty = HostapdClientsParser.parse("", object: "hostapd.wlan0")
        #expect(empty.value.clients.isEmpty)
        #expect(empty.value.interface == "wlan0")
        #expect(empty.warnings.count == 1)
        let none = HostapdClientsParser.parse(#"{"freq": 2412, "clients": {}}"#, object: "hostapd.wlan0")
        #expect(none.value.clients.isEmpty)
        #expect(none.warnings.isEmpty)
        let full = try Self.corpus("ubus-hostapd-get-clients/hass-openwrt-wlan1-2ghz-1client-redacted.txt")
        let cut = HostapdClientsParser.parse(Self.firstHalf(of: full), object: "hostapd.wlan1")
        #expect(cut.value.frequencyMHz == 2462)
        #expect(cut.value.clients.first?.authorized == true)
        #expect(!cut.warnings.isEmpty)
        for text in Self.garbage { _ = HostapdClientsParser.parse(text, object: "hostapd.wlan0") }
    }

    @Test func ieee80211Listing() {
        #expect(IEEE80211ListingParser.parse("").value.isEmpty)
        #expect(IEEE80211ListingParser.parse("phy0\nphy1/\n").value == ["phy0", "phy1"])
        let columns = IEEE80211ListingParser.parse("phy0  wl1\tphy2\nwl3\n")
        #expect(columns.value == ["wl3"], "the probes list one phy per line")
        #expect(columns.warnings.count == 1)
        let garbled = IEEE80211ListingParser.parse("ls: /sys/class/ieee80211: No such file or directory\n")
        #expect(!garbled.warnings.isEmpty)
        for text in Self.garbage { _ = IEEE80211ListingParser.parse(text) }
    }

    /// Every prefix of every corpus file, through every parser: the cheap cousin of the fuzzer.
    @Test func everyPrefixOfTheCorpusParses() throws {
        let kinds = ["iw-dev", "iw-dev-info", "iw-station-dump", "iwinfo-info", "ubus-network-wireless-status",
                     "ubus-hostapd-get-clients", "leds"]
        for file in kinds.flatMap(TestPaths.corpusFiles(kind:)) {
            let bytes = Array(try String(contentsOf: file, encoding: .utf8).utf8)
            for end in stride(from: 0, through: bytes.count, by: 17) {
                let text = String(decoding: bytes[0..<end], as: UTF8.self)
                _ = IwDevParser.parse(text)
                _ = IwDevInfoParser.parse(text, interface: "wlan0")
                _ = IwStationDumpParser.parse(text, interface: "wlan0")
                _ = IwinfoParser.parse(text)
                _ = NetworkWirelessStatusParser.parse(text)
                _ = HostapdClientsParser.parse(text, object: "hostapd.wlan0")
                _ = UbusListParser.parse(text)
                _ = IEEE80211ListingParser.parse(text)
                _ = LEDTriggerParser.parse(text, subject: "t")
                _ = UCISystemLEDParser.parse(text)
                _ = Redaction.redact(text: text)
            }
        }
    }

    static func corpus(_ relative: String) throws -> String {
        try String(contentsOf: TestPaths.corpus.appendingPathComponent(relative), encoding: .utf8)
    }

    static func firstHalf(of text: String) -> String {
        String(text.prefix(text.count / 2))
    }
}
