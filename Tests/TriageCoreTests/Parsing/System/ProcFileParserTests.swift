import Testing

@testable import TriageCore

/// /proc/uptime, /proc/loadavg and /proc/meminfo: real values, then empty, cut and garbled files.
@Suite struct ProcFileParserTests {
    @Test func uptime() {
        var warnings: [ParseWarning] = []
        #expect(
            ProcUptimeParser.parse("350735.47 234388.90\n", subject: "/proc/uptime").value(addingWarningsTo: &warnings) == 350735.47)
        #expect(ProcUptimeParser.parse("3507", subject: "/proc/uptime").value(addingWarningsTo: &warnings) == 3507)
        #expect(warnings.isEmpty)
        for bad in ["", "\n", "up 3 days", "nan 1.0", "-5 1"] {
            var warnings: [ParseWarning] = []
            #expect(ProcUptimeParser.parse(bad, subject: "/proc/uptime").value(addingWarningsTo: &warnings) == nil)
            #expect(warnings.count == 1, "\(bad)")
        }
    }

    @Test func loadAverage() {
        var warnings: [ParseWarning] = []
        let load = LoadAverageParser.parse("0.42 0.18 0.07 2/61 1893\n", subject: "/proc/loadavg").value(addingWarningsTo: &warnings)
        #expect(load == LoadAverage(oneMinute: 0.42, fiveMinutes: 0.18, fifteenMinutes: 0.07))
        #expect(warnings.isEmpty)
        for bad in ["", "0.42 0.18", "a b c", "0.1 inf 0.2"] {
            var warnings: [ParseWarning] = []
            #expect(LoadAverageParser.parse(bad, subject: "/proc/loadavg").value(addingWarningsTo: &warnings) == nil)
            #expect(warnings.count == 1, "\(bad)")
        }
    }

    @Test func meminfo() {
        var warnings: [ParseWarning] = []
        let memory = MeminfoParser.parse(
            """
            MemTotal:         125528 kB
            MemFree:           61720 kB
            MemAvailable:      63372 kB
            Buffers:            3840 kB
            Cached:            21232 kB
            SwapCached:            0 kB
            HugePages_Total:       0
            """, subject: "/proc/meminfo").value(addingWarningsTo: &warnings)
        #expect(warnings.isEmpty)
        #expect(
            memory
                == MemoryUsage(
                    totalBytes: 125528 * 1024, freeBytes: 61720 * 1024, availableBytes: 63372 * 1024,
                    buffersBytes: 3840 * 1024, cachedBytes: 21232 * 1024))
    }

    @Test func meminfoOldKernelWithoutAvailable() {
        var warnings: [ParseWarning] = []
        let memory = MeminfoParser.parse(
            "MemTotal:\t29212 kB\nMemFree:\t2120 kB\n", subject: "/proc/meminfo").value(addingWarningsTo: &warnings)
        #expect(memory?.availableBytes == nil && memory?.totalBytes == 29212 * 1024)
        #expect(warnings.isEmpty)
    }

    @Test func meminfoEmptyCutAndGarbled() {
        var warnings: [ParseWarning] = []
        #expect(MeminfoParser.parse("", subject: "/proc/meminfo").value(addingWarningsTo: &warnings) == nil)
        #expect(warnings.count == 1)
        warnings = []
        let cut = MeminfoParser.parse("MemTotal:  125528 kB\nMemFree:  ", subject: "/proc/meminfo").value(addingWarningsTo: &warnings)
        #expect(cut?.totalBytes == 125528 * 1024 && cut?.freeBytes == nil)
        #expect(warnings.map(\.line) == [2])
        warnings = []
        let garbled = MeminfoParser.parse(
            "\u{1b}[0m garbage\nMemTotal: 99999999999999999999 kB\nMemFree: 18446744073709551615 kB\n",
            subject: "/proc/meminfo").value(addingWarningsTo: &warnings)
        #expect(garbled == nil)
        #expect(warnings.count == 4)
    }
}
