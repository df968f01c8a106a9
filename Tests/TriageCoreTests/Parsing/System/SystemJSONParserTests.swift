import Testing

@testable import TriageCore

/// `ubus call system info` and `ubus call system board` beyond the corpus cases.
@Suite struct SystemJSONParserTests {
    @Test func systemInfo() {
        var warnings: [ParseWarning] = []
        let info = SystemInfoParser.parse(
            """
            {
            \t"localtime": 1700000000, "uptime": 93784,
            \t"load": [ 13312, 6400, 1472 ],
            \t"memory": { "total": 128483328, "free": 63111168, "shared": 90112, "buffered": 3932160,
            \t            "available": 64888832, "cached": 21741568 },
            \t"root": { "total": 9344, "free": 0, "used": 9344, "avail": 0 },
            \t"swap": { "total": 0, "free": 0 }
            }
            """, subject: "ubus call system info").value(addingWarningsTo: &warnings)
        #expect(warnings.isEmpty)
        #expect(
            info
                == SystemInfo(
                    uptimeSeconds: 93784,
                    load: LoadAverage(
                        oneMinute: 13312 / 65536, fiveMinutes: 6400 / 65536, fifteenMinutes: 1472 / 65536),
                    memory: MemoryUsage(
                        totalBytes: 128_483_328, freeBytes: 63_111_168, availableBytes: 64_888_832,
                        buffersBytes: 3_932_160,
                        cachedBytes: 21_741_568)))
    }

    @Test func systemInfoEmptyCutAndGarbled() {
        var warnings: [ParseWarning] = []
        #expect(SystemInfoParser.parse("", subject: "i").value(addingWarningsTo: &warnings) == nil)
        #expect(warnings.count == 1)
        warnings = []
        let cut = SystemInfoParser.parse(#"{ "uptime": 93784, "load": [ 13312, 64"#, subject: "i").value(addingWarningsTo: &warnings)
        #expect(cut?.uptimeSeconds == 93784 && cut?.load == nil)
        #expect(warnings.contains { $0.message == "'load' has fewer than three numbers" })
        warnings = []
        let garbled = SystemInfoParser.parse(
            #"{ "uptime": "long", "memory": { "total": -1 } }"#, subject: "i").value(addingWarningsTo: &warnings)
        #expect(garbled == SystemInfo(memory: MemoryUsage()))
        #expect(warnings.count == 2)
    }

    @Test func boardEmptyCutAndGarbled() {
        var warnings: [ParseWarning] = []
        #expect(SystemBoardParser.parse("\n", subject: "b").value(addingWarningsTo: &warnings) == nil)
        warnings = []
        let cut = SystemBoardParser.parse(
            #"{ "kernel": "5.15.130", "model": "D-Link COVR-X1860 A1", "release": { "distribution": "OpenWrt", "vers"#,
            subject: "b").value(addingWarningsTo: &warnings)
        #expect(
            cut
                == BoardInfo(
                    model: "D-Link COVR-X1860 A1", kernelVersion: "5.15.130",
                    release: FirmwareRelease(distribution: "OpenWrt")))
        #expect(!warnings.isEmpty)
        warnings = []
        let garbled = SystemBoardParser.parse(#"{ "model": 7, "release": "23.05" }"#, subject: "b").value(addingWarningsTo: &warnings)
        #expect(garbled == BoardInfo())
        #expect(warnings.count == 2)
    }
}
