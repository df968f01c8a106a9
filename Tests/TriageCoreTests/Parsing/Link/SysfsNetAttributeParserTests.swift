import Testing

@testable import TriageCore

@Suite struct SysfsNetAttributeParserTests {
    private func apply(_ text: String, _ attribute: String) -> (NetworkDevice, [ParseWarning]) {
        var device = NetworkDevice(name: "eth0")
        var warnings = WarningCollector(section: "/sys/class/net/eth0/\(attribute)")
        SysfsNetAttributeParser.apply(text, attribute: attribute, to: &device, warnings: &warnings)
        return (device, warnings.warnings)
    }

    @Test func locations() {
        #expect(SysfsNetAttributeParser.location(of: "/sys/class/net/eth0.2/carrier")! == ("eth0.2", "carrier"))
        #expect(
            SysfsNetAttributeParser.location(of: "/sys/class/net/br-lan/statistics/rx_errors")!
                == ("br-lan", "statistics/rx_errors"))
        #expect(SysfsNetAttributeParser.location(of: "/sys/class/net//carrier") == nil)
        #expect(SysfsNetAttributeParser.location(of: "/sys/class/net/eth0/queues/rx-0/rps_cpus") == nil)
        #expect(SysfsNetAttributeParser.location(of: "/proc/net/dev") == nil)
    }

    @Test func values() {
        #expect(apply("up\n", "operstate").0.operstate == "up")
        #expect(apply("1\n", "carrier").0.carrier == true)
        #expect(apply("0", "carrier").0.carrier == false)
        #expect(apply("1000\n", "speed").0.speedMbps == 1000)
        #expect(apply("Full\n", "duplex").0.duplex == "full")
        #expect(apply("1500\n", "mtu").0.mtu == 1500)
        #expect(apply("A4:2B:B0:11:22:33\n", "address").0.macAddress == "a4:2b:b0:11:22:33")
        #expect(apply("742\n", "carrier_changes").0.carrierChanges == 742)
        #expect(apply("18446744073709551615\n", "statistics/rx_bytes").0.counters.rxBytes == UInt64.max)
        #expect(apply("7\n", "statistics/tx_dropped").0.counters.txDropped == 7)
    }

    @Test func unknownSpeedIsNil() {
        let (minusOne, warnings) = apply("-1\n", "speed")
        #expect(minusOne.speedMbps == nil && warnings.isEmpty)
        #expect(apply("4294967295\n", "speed").0.speedMbps == nil)
    }

    @Test func emptyGarbledAndCutValuesWarn() {
        for (text, attribute) in [
            ("", "carrier"), ("\n", "operstate"), ("yes", "carrier"), ("fast", "speed"), ("15", "mtu_x"),
            ("a4:2b:b0:1", "address"), ("-3", "carrier_changes"), ("12ab", "statistics/rx_errors"),
            ("99999999999999999999", "statistics/rx_bytes"),
        ] {
            let (device, warnings) = apply(text, attribute)
            #expect(device == NetworkDevice(name: "eth0"), "\(attribute) = \(text)")
            #expect(warnings.count == (attribute == "mtu_x" ? 0 : 1), "\(attribute) = \(text)")
        }
    }
}
