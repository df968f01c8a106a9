import Testing

@testable import TriageCore

/// How LinkFacts puts the sections together: which source wins, what is skipped, what warns.
@Suite struct LinkFactsTests {
    private func file(_ path: String, _ output: String, absent: Bool = false) -> ProbeSection {
        ProbeSection(kind: .file, subject: path, output: output, isAbsent: absent)
    }

    @Test func sysfsAndProcNetDevMergeWithSysfsCountersWinning() {
        var warnings: [ParseWarning] = []
        let facts = LinkFacts(
            sections: [
                file("/sys/class/net/wan/statistics/rx_errors", "7\n"),
                file(
                    "/proc/net/dev",
                    "  wan: 100 2 5 0 0 0 0 0 200 3 0 1 0 0 0 0\n   lo: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"),
                file("/sys/class/net/wan/carrier", "1\n"),
                file("/sys/class/net/wan/carrier_changes", "311\n"),
                file("/sys/class/net/wan/speed", "", absent: true),
            ], warnings: &warnings)
        #expect(warnings.isEmpty)
        #expect(facts.devices.map(\.name) == ["lo", "wan"])
        let wan = facts.devices[1]
        #expect(wan.carrier == true && wan.carrierChanges == 311 && wan.speedMbps == nil)
        #expect(
            wan.counters
                == DeviceCounters(
                    rxBytes: 100, rxPackets: 2, rxErrors: 7, rxDropped: 0, txBytes: 200, txPackets: 3, txErrors: 0,
                    txDropped: 1))
    }

    @Test func routesOfBothFamiliesAndDefaults() {
        var warnings: [ParseWarning] = []
        let facts = LinkFacts(
            sections: [
                ProbeSection(
                    kind: .command, subject: "ip route", output: "default via 192.0.2.1 dev wan\n", exitCode: 0),
                ProbeSection(
                    kind: .command, subject: "ip -6 route", output: "default via fe80::1 dev wan metric 512\n",
                    exitCode: 0),
            ], warnings: &warnings)
        #expect(facts.defaultRoutes(.ipv4).map(\.gateway) == ["192.0.2.1"])
        #expect(facts.defaultRoutes(.ipv6).map(\.gateway) == ["fe80::1"])
    }

    @Test func missingToolsAreNoWarningsButTruncationIs() {
        var warnings: [ParseWarning] = []
        let facts = LinkFacts(
            sections: [
                ProbeSection(kind: .command, subject: "ubus call dsl metrics", output: "", exitCode: 127),
                ProbeSection(
                    kind: .command, subject: "ip route", output: "default via 192.0.2.1 dev wan pro", exitCode: 0,
                    isTruncated: true),
                ProbeSection(kind: .command, subject: "iw dev", output: "garbage", exitCode: 0),
            ], warnings: &warnings)
        #expect(facts.dsl == nil)
        #expect(facts.routes.count == 1)
        #expect(warnings.map(\.message) == ["the output was cut short; later entries may be missing", "'pro' without a value"])
    }
}
