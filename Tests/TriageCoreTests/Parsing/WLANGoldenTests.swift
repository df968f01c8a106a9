import Testing
import TriageCore

/// Every WLAN parser against real outputs, compared with hand-checked `expected.json` files.
@Suite struct WLANGoldenTests {
    @Test(arguments: GoldenCase.all(kind: "iw-dev"))
    func iwDev(_ golden: GoldenCase) throws {
        try golden.check(IwDevParser.parse(golden.rawOutput(), subject: golden.subject(default: IwDevParser.subject)))
    }

    @Test(arguments: GoldenCase.all(kind: "iw-dev-info"))
    func iwDevInfo(_ golden: GoldenCase) throws {
        try golden.check(IwDevInfoParser.parse(golden.rawOutput(), interface: golden.subjectWord(2, default: "wlan0")))
    }

    @Test(arguments: GoldenCase.all(kind: "iw-station-dump"))
    func stationDump(_ golden: GoldenCase) throws {
        try golden.check(IwStationDumpParser.parse(golden.rawOutput(), interface: golden.subjectWord(2, default: "wlan0")))
    }

    @Test(arguments: GoldenCase.all(kind: "iwinfo"))
    func iwinfo(_ golden: GoldenCase) throws {
        try golden.check(IwinfoParser.parse(golden.rawOutput(), subject: golden.subject(default: IwinfoParser.subject)))
    }

    @Test(arguments: GoldenCase.all(kind: "ubus-network-wireless-status"))
    func wirelessStatus(_ golden: GoldenCase) throws {
        try golden.check(NetworkWirelessStatusParser.parse(golden.rawOutput()))
    }

    @Test(arguments: GoldenCase.all(kind: "ubus-hostapd-get-clients"))
    func hostapdClients(_ golden: GoldenCase) throws {
        try golden.check(HostapdClientsParser.parse(golden.rawOutput(), object: golden.subjectWord(2, default: "hostapd.wlan0")))
    }

    @Test func everyKindHasCases() {
        let kinds = ["iw-dev", "iw-dev-info", "iw-station-dump", "iwinfo", "ubus-network-wireless-status",
                     "ubus-hostapd-get-clients", "led-trigger"]
        let total = kinds.map { GoldenCase.all(kind: $0).count }.reduce(0, +)
        #expect(total >= 20)
        for kind in kinds { #expect(!GoldenCase.all(kind: kind).isEmpty, "no golden cases for \(kind)") }
    }
}
