import Testing

@testable import TriageCore

/// `ubus call hostapd.<if> get_status` (hostapd's ubus.c `hostapd_bss_get_status`), and how it joins get_clients.
@Suite struct HostapdStatusParserTests {
    private let dfsWaiting = """
        {
        	"status": "DFS",
        	"bssid": "02:00:00:00:01:00",
        	"ssid": "Home",
        	"freq": 5260,
        	"channel": 52,
        	"op_class": 128,
        	"beacon_interval": 100,
        	"phy": "phy1",
        	"airtime": { "time": 1200, "time_busy": 300, "utilization": 64 },
        	"dfs": { "cac_seconds": 60, "cac_active": true, "cac_seconds_left": 41 }
        }
        """

    @Test func readsStateChannelAndCAC() {
        let result = HostapdStatusParser.parse(dfsWaiting, object: "hostapd.wlan1")
        #expect(result.warnings.isEmpty)
        let status = result.value
        #expect(status.interface == "wlan1" && status.state == "DFS" && status.channel == 52 && status.phy == "phy1")
        #expect(status.frequencyMHz == 5260 && status.channelUtilization == 64)
        #expect(status.cacActive == true && status.cacSeconds == 60 && status.cacSecondsLeft == 41)
    }

    @Test func emptyTruncatedAndGarbledOutputWarns() {
        #expect(HostapdStatusParser.parse("", object: "hostapd.wlan0").warnings.count == 1)
        let cut = HostapdStatusParser.parse(#"{ "status": "COUNTRY_UPDATE", "freq": 24"#, object: "hostapd.wlan0")
        #expect(cut.value.state == "COUNTRY_UPDATE" && !cut.warnings.isEmpty)
        let garbled = HostapdStatusParser.parse(#"{ "freq": "many" }"#, object: "hostapd.wlan0")
        #expect(garbled.value.state == nil && garbled.warnings.count == 2)
    }

    @Test func statusJoinsTheClientsEntryOfItsObject() {
        let sections = [
            ProbeSection(kind: .command, subject: "ubus call hostapd.wlan1 get_clients", output: #"{"freq": 5260, "clients": {}}"#, exitCode: 0),
            ProbeSection(kind: .command, subject: "ubus call hostapd.wlan1 get_status", output: dfsWaiting, exitCode: 0),
            ProbeSection(kind: .command, subject: "ubus call hostapd.wlan0 get_status", output: #"{"status": "ENABLED"}"#, exitCode: 0),
        ]
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: sections, warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(facts.hostapd.map(\.object) == ["hostapd.wlan1", "hostapd.wlan0"])
        #expect(facts.hostapd.map(\.state) == ["DFS", "ENABLED"])
        #expect(facts.hostapd[0].clients.isEmpty && facts.hostapd[0].cacActive == true)
    }

    @Test func olderHostapdWithoutGetStatusLeavesTheStateUnknown() {
        let sections = [
            ProbeSection(kind: .command, subject: "ubus call hostapd.wlan0 get_clients", output: #"{"freq": 2412, "clients": {}}"#, exitCode: 0),
            ProbeSection(kind: .command, subject: "ubus call hostapd.wlan0 get_status", output: "", exitCode: 3, errorOutput: "Command failed: Method not found\n"),
        ]
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: sections, warnings: &warnings)
        #expect(facts.hostapd.count == 1 && facts.hostapd[0].state == nil)
        #expect(warnings.count == 1)
    }
}
