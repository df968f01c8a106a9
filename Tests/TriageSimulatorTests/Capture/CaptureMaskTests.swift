import Foundation
import Testing
import TriageCore
import TriageSimulator
import TriageTestSupport

/// The capture's mask: the same identifier always becomes the same stand-in, across sections;
/// what is a fact and identifies no one stays; secrets are masked.
@Suite("Capture masking")
struct CaptureMaskTests {
    @Test("a MAC is masked the same wherever and however it is written; special MACs stay")
    func macsConsistently() throws {
        let mask = try CaptureMask()
        let first = mask.mask(text: "Station a4:39:b3:d1:46:69 (on wlan0)\nbroadcast ff:ff:ff:ff:ff:ff")
        let second = mask.mask(text: "assoc A4:39:B3:D1:46:69; other 0c:3e:9f:18:fb:c6 and a4-39-b3-d1-46-69")
        #expect(first == "Station 02:00:00:00:00:01 (on wlan0)\nbroadcast ff:ff:ff:ff:ff:ff")
        #expect(second == "assoc 02:00:00:00:00:01; other 02:00:00:00:00:02 and 02-00-00-00-00-01")
    }

    @Test("SSIDs, the hostname and public IPv4 addresses get stand-ins; private addresses and versions stay")
    func namesAndAddresses() throws {
        let mask = try CaptureMask()
        let text = mask.mask(text: """
            \tssid Smith Family
            wlan0     ESSID: "Smith Family"
            "ssid": "Smith Family", "hostname": "smith-router"
            system.@system[0].hostname='smith-router'
            default via 84.112.3.1 dev pppoe-wan src 84.112.3.77; lan 192.168.1.1; release 23.05.3
            daemon.info dnsmasq-dhcp[1]: DHCPACK(br-lan) 192.168.1.204 8c:be:be:f5:8f:59 Johns-iPhone
            """)
        #expect(!text.contains("Smith") && !text.contains("smith") && !text.contains("84.112"), "\(text)")
        #expect(text.hasSuffix("DHCPACK(br-lan) 192.168.1.204 02:00:00:00:00:01 client-1"), "\(text)")
        #expect(text.components(separatedBy: "ssid-1").count == 4, "\(text)")
        #expect(text.components(separatedBy: "host-1").count == 3, "\(text)")
        #expect(text.contains("via 203.0.113.1 dev pppoe-wan src 203.0.113.2; lan 192.168.1.1; release 23.05.3"), "\(text)")
    }

    @Test("secrets are masked as in evidence")
    func secrets() throws {
        let section = ProbeSection(kind: .command, subject: "uci -q show system",
                                   output: "wireless.default_radio0.key='Kx7-CustomerPSK-9q'\n\"password\": \"hunter22\"\n")
        let masked = try CaptureMask().mask(section)
        #expect(!masked.output.contains("Kx7-CustomerPSK-9q") && !masked.output.contains("hunter22"), "\(masked.output)")
    }
}
