import Testing

@testable import TriageCore

/// How SystemFacts puts the sections together: /proc first, ubus system info where /proc is missing.
@Suite struct SystemFactsTests {
    private let systemInfo = ProbeSection(
        kind: .command, subject: "ubus call system info",
        output: #"{"uptime": 500, "load": [65536, 32768, 0], "memory": {"total": 1048576, "free": 524288}}"#,
        exitCode: 0)

    @Test func procFilesWinOverSystemInfo() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: [
                systemInfo,
                ProbeSection(kind: .file, subject: "/proc/uptime", output: "501.25 900.00\n"),
                ProbeSection(kind: .file, subject: "/proc/meminfo", output: "MemTotal: 1024 kB\nMemFree: 100 kB\n"),
            ], warnings: &warnings)
        #expect(warnings.isEmpty)
        #expect(facts.uptimeSeconds == 501.25)
        #expect(facts.memory == MemoryUsage(totalBytes: 1_048_576, freeBytes: 102_400))
        #expect(facts.load == LoadAverage(oneMinute: 1, fiveMinutes: 0.5, fifteenMinutes: 0))
    }

    @Test func systemInfoFillsInForMissingProcFiles() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: [systemInfo, ProbeSection(kind: .file, subject: "/proc/uptime", output: "", isAbsent: true)],
            warnings: &warnings)
        #expect(facts.uptimeSeconds == 500)
        #expect(facts.memory == MemoryUsage(totalBytes: 1_048_576, freeBytes: 524_288))
    }

    @Test func firmwareFromBoardElseOpenWrtRelease() {
        var warnings: [ParseWarning] = []
        let release = ProbeSection(kind: .file, subject: "/etc/openwrt_release", output: "DISTRIB_RELEASE='21.02.7'\n")
        let withoutBoard = SystemFacts(sections: [release], warnings: &warnings)
        #expect(withoutBoard.firmware == FirmwareRelease(version: "21.02.7"))
        let board = ProbeSection(
            kind: .command, subject: "ubus call system board", output: #"{"release": {"version": "23.05.3"}}"#,
            exitCode: 0)
        let withBoard = SystemFacts(sections: [release, board], warnings: &warnings)
        #expect(withBoard.firmware == FirmwareRelease(version: "23.05.3"))
        #expect(warnings.isEmpty)
    }

    @Test func temperaturesSortByZoneNumber() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: [10, 2, 0].map {
                ProbeSection(
                    kind: .file, subject: "/sys/class/thermal/thermal_zone\($0)/temp", output: "\($0 + 40)000\n")
            }, warnings: &warnings)
        #expect(
            facts.temperatures == [
                Temperature(zone: "thermal_zone0", celsius: 40), Temperature(zone: "thermal_zone2", celsius: 42),
                Temperature(zone: "thermal_zone10", celsius: 50),
            ])
    }

    @Test func dmesgWhereLogreadIsMissing() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: [
                ProbeSection(
                    kind: .command, subject: "dmesg", output: "[ 1.0] ath10k_pci 0000:01:00.0: firmware crashed!\n",
                    exitCode: 0)
            ], warnings: &warnings)
        #expect(facts.log?.command == "dmesg")
        #expect(facts.log?.events.map(\.kind) == [.firmwareCrash])
    }
}
