import Testing

@testable import TriageCore

@Suite struct NetworkInterfaceDumpParserTests {
    private let subject = "ubus call network.interface dump"

    private func parse(_ text: String) -> ([LogicalInterface], [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let interfaces = NetworkInterfaceDumpParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
        return (interfaces, warnings)
    }

    /// A PPPoE WAN refused by the server next to a working LAN, as netifd prints them (tab-indented).
    private let dump = """
        {
        \t"interface": [
        \t\t{
        \t\t\t"interface": "lan", "up": true, "pending": false, "available": true, "autostart": true,
        \t\t\t"dynamic": false, "uptime": 86400, "l3_device": "br-lan", "proto": "static", "device": "br-lan",
        \t\t\t"updated": [ "addresses" ], "metric": 0, "dns_metric": 0, "delegation": true,
        \t\t\t"ipv4-address": [ { "address": "192.168.1.1", "mask": 24 } ],
        \t\t\t"ipv6-address": [ ], "ipv6-prefix": [ ],
        \t\t\t"ipv6-prefix-assignment": [ { "address": "fd12:3456:789a::", "mask": 60 } ],
        \t\t\t"route": [ ], "dns-server": [ ], "dns-search": [ ], "neighbors": [ ],
        \t\t\t"inactive": { "ipv4-address": [ ], "route": [ ] }, "data": { }
        \t\t},
        \t\t{
        \t\t\t"interface": "wan", "up": false, "pending": true, "available": true, "autostart": true,
        \t\t\t"dynamic": false, "proto": "pppoe", "device": "eth0.2", "data": { },
        \t\t\t"errors": [ { "subsystem": "pppoe", "code": "AUTH_FAILED" }, { "code": "NO_DEVICE" } ]
        \t\t},
        \t\t{
        \t\t\t"interface": "wan6", "up": true, "uptime": 3600, "l3_device": "pppoe-wan", "proto": "dhcpv6",
        \t\t\t"ipv6-address": [ { "address": "2001:db8::2", "mask": 128, "preferred": 3000, "valid": 7000 } ],
        \t\t\t"route": [ { "target": "::", "mask": 0, "nexthop": "fe80::1", "metric": 512 },
        \t\t\t            { "target": "0.0.0.0", "mask": 0, "nexthop": "100.64.0.1" } ],
        \t\t\t"dns-server": [ "2001:db8::53", "2001:db8::54" ]
        \t\t}
        \t]
        }
        """

    @Test func dumpOfThreeInterfaces() {
        let (interfaces, warnings) = parse(dump)
        #expect(warnings.isEmpty)
        #expect(
            interfaces == [
                LogicalInterface(
                    name: "lan", isUp: true, isPending: false, isAvailable: true, proto: "static", device: "br-lan",
                    l3Device: "br-lan", uptimeSeconds: 86400, ipv4Addresses: ["192.168.1.1/24"]),
                LogicalInterface(
                    name: "wan", isUp: false, isPending: true, isAvailable: true, proto: "pppoe", device: "eth0.2",
                    errors: ["pppoe: AUTH_FAILED", "NO_DEVICE"]),
                LogicalInterface(
                    name: "wan6", isUp: true, proto: "dhcpv6", l3Device: "pppoe-wan", uptimeSeconds: 3600,
                    ipv6Addresses: ["2001:db8::2/128"], dnsServers: ["2001:db8::53", "2001:db8::54"],
                    ipv4DefaultGateway: "100.64.0.1", ipv6DefaultGateway: "fe80::1"),
            ])
    }

    @Test func emptyOutput() {
        let (interfaces, warnings) = parse("  \n")
        #expect(interfaces.isEmpty)
        #expect(warnings == [ParseWarning(section: subject, message: "empty output")])
    }

    @Test func truncatedDumpKeepsTheInterfacesRead() {
        let cut = String(dump.prefix(while: { $0 != "w" }) + "wan\", \"up\": fal")
        let (interfaces, warnings) = parse(cut)
        #expect(interfaces.first?.name == "lan")
        #expect(interfaces.first?.ipv4Addresses == ["192.168.1.1/24"])
        #expect(!warnings.isEmpty)
    }

    @Test func wrongTypesAndNamelessEntriesWarn() {
        let (interfaces, warnings) = parse(
            #"{"interface": [ {"up": true}, {"interface": "lan", "up": "yes", "uptime": 1.5, "ipv4-address": {"address": 1}} ]}"#
        )
        #expect(interfaces == [LogicalInterface(name: "lan")])
        #expect(
            warnings.map(\.message) == [
                "'interface[0]' has no name; skipped", "'interface[1].up' is not true or false",
                "'interface[1].uptime' is not an integer", "'interface[1].ipv4-address' is not an array",
            ])
    }

    @Test func garbage() {
        let (interfaces, warnings) = parse("Command failed: Not found\n")
        #expect(interfaces.isEmpty && !warnings.isEmpty)
        let (listless, listWarnings) = parse(#"{"foo": 1}"#)
        #expect(listless.isEmpty)
        #expect(listWarnings == [ParseWarning(section: subject, message: "no 'interface' list")])
    }
}
