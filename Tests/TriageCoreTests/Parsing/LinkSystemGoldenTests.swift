import Testing
@testable import TriageCore

/// Golden cases of the link and system parsers, `Golden/<kind>/<case>/` (see `GoldenCase`): the raw
/// output of a corpus file and `expected.json`, written by hand from the raw text.
@Suite struct LinkSystemGoldenTests {
    static let kinds = [
        "dmesg", "logread", "proc-net-dev", "ubus-system-board", "ubus-network-interface-dump", "ubus-dsl-metrics",
    ]

    @Test(arguments: kinds)
    func everyKindHasCases(_ kind: String) {
        #expect(!GoldenCase.all(kind: kind).isEmpty)
    }

    @Test(arguments: GoldenCase.all(kind: "dmesg"))
    func dmesg(_ golden: GoldenCase) throws {
        try golden.check(SystemLogParser.parse(golden.rawOutput(), subject: golden.subject(default: "dmesg")))
    }

    @Test(arguments: GoldenCase.all(kind: "logread"))
    func logread(_ golden: GoldenCase) throws {
        try golden.check(SystemLogParser.parse(golden.rawOutput(), subject: golden.subject(default: "logread -l 300")))
    }

    @Test(arguments: GoldenCase.all(kind: "proc-net-dev"))
    func procNetDev(_ golden: GoldenCase) throws {
        try golden.check(ProcNetDevParser.parse(golden.rawOutput(), subject: "/proc/net/dev"))
    }

    @Test(arguments: GoldenCase.all(kind: "ubus-system-board"))
    func systemBoard(_ golden: GoldenCase) throws {
        try golden.check(SystemBoardParser.parse(golden.rawOutput(), subject: "ubus call system board"))
    }

    @Test(arguments: GoldenCase.all(kind: "ubus-network-interface-dump"))
    func interfaceDump(_ golden: GoldenCase) throws {
        try golden.check(NetworkInterfaceDumpParser.parse(golden.rawOutput(), subject: "ubus call network.interface dump"))
    }

    @Test(arguments: GoldenCase.all(kind: "ubus-dsl-metrics"))
    func dslMetrics(_ golden: GoldenCase) throws {
        try golden.check(DSLMetricsParser.parse(golden.rawOutput(), subject: "ubus call dsl metrics"))
    }
}
