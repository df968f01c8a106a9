import Testing

@testable import TriageCore

/// /etc/openwrt_release and thermal zone files.
@Suite struct EtcFileParserTests {
    @Test func openWrtRelease() {
        var warnings: [ParseWarning] = []
        let release = OpenWrtReleaseParser.parse(
            """
            DISTRIB_ID='OpenWrt'
            DISTRIB_RELEASE='23.05.3'
            DISTRIB_REVISION='r23809-234f1a2efa'
            DISTRIB_TARGET='ramips/mt7621'
            DISTRIB_ARCH='mipsel_24kc'
            DISTRIB_DESCRIPTION="OpenWrt 23.05.3 r23809-234f1a2efa"
            DISTRIB_TAINTS=''
            """, subject: "/etc/openwrt_release").value(addingWarningsTo: &warnings)
        #expect(warnings.isEmpty)
        #expect(
            release
                == FirmwareRelease(
                    distribution: "OpenWrt", version: "23.05.3", revision: "r23809-234f1a2efa", target: "ramips/mt7621",
                    description: "OpenWrt 23.05.3 r23809-234f1a2efa"))
    }

    @Test func openWrtReleaseEmptyCutAndGarbled() {
        var warnings: [ParseWarning] = []
        #expect(OpenWrtReleaseParser.parse("", subject: "r").value(addingWarningsTo: &warnings) == nil)
        #expect(warnings.count == 1)
        warnings = []
        let cut = OpenWrtReleaseParser.parse(
            "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='23.0", subject: "r").value(addingWarningsTo: &warnings)
        #expect(cut?.distribution == "OpenWrt" && cut?.version == "'23.0")
        #expect(warnings.isEmpty)
        warnings = []
        #expect(OpenWrtReleaseParser.parse("\u{0}\u{1}binary\n=\n'", subject: "r").value(addingWarningsTo: &warnings) == nil)
        #expect(warnings.count == 3)
    }

    @Test func thermalZones() {
        #expect(ThermalZoneParser.zone(of: "/sys/class/thermal/thermal_zone3/temp") == "thermal_zone3")
        #expect(ThermalZoneParser.zone(of: "/sys/class/thermal/cooling_device0/temp") == nil)
        #expect(ThermalZoneParser.zone(of: "/sys/class/thermal/thermal_zone0/trip_point_0_temp") == nil)
        var warnings: [ParseWarning] = []
        #expect(ThermalZoneParser.parse("54321\n", subject: "t").value(addingWarningsTo: &warnings) == 54.321)
        #expect(ThermalZoneParser.parse("-5000\n", subject: "t").value(addingWarningsTo: &warnings) == -5)
        #expect(ThermalZoneParser.parse("61\n", subject: "t").value(addingWarningsTo: &warnings) == 61)
        #expect(warnings.isEmpty)
        for bad in ["", "hot", "54.3", "-9223372036854775808x"] {
            var warnings: [ParseWarning] = []
            #expect(ThermalZoneParser.parse(bad, subject: "t").value(addingWarningsTo: &warnings) == nil)
            #expect(warnings.count == 1)
        }
        #expect(ThermalZoneParser.parse("-9223372036854775808", subject: "t").value(addingWarningsTo: &warnings) != nil)
    }
}
