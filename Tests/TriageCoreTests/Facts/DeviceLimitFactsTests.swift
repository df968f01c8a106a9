import Testing

@testable import TriageCore

/// Temperatures with their own trip points, hwmon where there are no zones, and the reboot history.
@Suite struct DeviceLimitFactsTests {
    private func file(_ path: String, _ text: String) -> ProbeSection {
        ProbeSection(kind: .file, subject: path, output: text)
    }

    private func zone(_ number: Int, type: String, millidegrees: Int, trips: [(String, Int)]) -> [ProbeSection] {
        let folder = "/sys/class/thermal/thermal_zone\(number)"
        var sections = [file("\(folder)/type", "\(type)\n"), file("\(folder)/temp", "\(millidegrees)\n")]
        for (index, trip) in trips.enumerated() {
            sections += [
                file("\(folder)/trip_point_\(index)_temp", "\(trip.1)\n"),
                file("\(folder)/trip_point_\(index)_type", "\(trip.0)\n"),
            ]
        }
        return sections
    }

    @Test func zonesCarryTheirTypeTripsAndWhetherTheyArePastThem() {
        var warnings: [ParseWarning] = []
        let sections =
            zone(0, type: "cpu-thermal", millidegrees: 96_500, trips: [("passive", 95_000), ("critical", 110_000)])
            + zone(1, type: "mt7915-phy0", millidegrees: 121_000, trips: [("hot", 115_000), ("critical", 120_000)])
            + zone(2, type: "ddr-thermal", millidegrees: 45_000, trips: [])
        let facts = SystemFacts(sections: sections, warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(facts.temperatures.map(\.type) == ["cpu-thermal", "mt7915-phy0", "ddr-thermal"])
        let cpu = facts.temperatures[0]
        #expect(cpu.trips == [TripPoint(type: "passive", celsius: 95, index: 0), TripPoint(type: "critical", celsius: 110, index: 1)])
        #expect(cpu.pastPassive == true && cpu.pastCritical == false && cpu.pastHot == nil)
        #expect(cpu.criticalHeadroomCelsius == 13.5)
        let radio = facts.temperatures[1]
        #expect(radio.pastCritical == true && radio.pastHot == true && radio.criticalCelsius == 120)
        let memory = facts.temperatures[2]
        #expect(memory.pastCritical == nil && memory.criticalCelsius == nil)
    }

    @Test func placeholderTripsAtZeroAreNoLimit() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: zone(0, type: "soc", millidegrees: 50_000, trips: [("critical", 0), ("critical", 105_000)]),
            warnings: &warnings)
        #expect(facts.temperatures.first?.criticalCelsius == 105)
        #expect(facts.temperatures.first?.pastCritical == false)
    }

    @Test func hwmonSensorsWithTheirCritAndMax() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: [
                file("/sys/class/hwmon/hwmon0/name", "ath10k_hwmon\n"),
                file("/sys/class/hwmon/hwmon0/temp1_input", "104000\n"),
                file("/sys/class/hwmon/hwmon0/temp1_crit", "110000\n"),
                file("/sys/class/hwmon/hwmon0/temp1_max", "100000\n"),
                file("/sys/class/hwmon/hwmon1/name", "lm75\n"),
                file("/sys/class/hwmon/hwmon1/temp1_input", "41500\n"),
            ], warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(facts.temperatures.map(\.zone) == ["hwmon0/temp1", "hwmon1/temp1"])
        let radio = facts.temperatures[0]
        #expect(radio.source == .hwmon && radio.type == "ath10k_hwmon" && radio.celsius == 104)
        #expect(radio.pastHot == true && radio.pastCritical == false && radio.hotCelsius == 100)
        #expect(facts.temperatures[1].pastCritical == nil && facts.temperatures[1].celsius == 41.5)
    }

    @Test func garbledLimitFilesWarnAndKeepTheRest() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: [
                file("/sys/class/thermal/thermal_zone0/temp", "70000\n"),
                file("/sys/class/thermal/thermal_zone0/trip_point_0_temp", "hot\n"),
                file("/sys/class/thermal/thermal_zone0/trip_point_0_type", "critical\n"),
                file("/sys/class/watchdog/watchdog0/bootstatus", "sometimes\n"),
            ], warnings: &warnings)
        #expect(facts.temperatures == [Temperature(zone: "thermal_zone0", celsius: 70)])
        #expect(facts.reboots.watchdogs == [WatchdogStatus(device: "watchdog0")])
        #expect(warnings.count == 2, "\(warnings)")
    }

    @Test func rebootsFromWatchdogPstoreAndTheLog() {
        var warnings: [ParseWarning] = []
        let banner = "kern.notice kernel: [    0.000000] Linux version 5.15.137 (builder@buildhost) #0 SMP"
        let log = (1...3).map { "Thu Dec  3 0\($0):00:00 2026 \(banner)" }.joined(separator: "\n")
            + "\nThu Dec  3 03:10:00 2026 kern.emerg kernel: [  600.100000] watchdog: BUG: soft lockup - CPU#0 stuck for 22s!\n"
        let facts = SystemFacts(
            sections: [
                file("/proc/sys/kernel/random/boot_id", "6f1c2a9e-3d7b-4c55-9a0e-0c1d2e3f4a5b\n"),
                file("/sys/class/watchdog/watchdog0/identity", "ath79-wdt\n"),
                file("/sys/class/watchdog/watchdog0/bootstatus", "32\n"),
                ProbeSection(kind: .file, subject: "/sys/fs/pstore/", output: "console-ramoops-0\ndmesg-ramoops-0\n"),
                file("/sys/fs/pstore/dmesg-ramoops-0", "Panic#1 Part1\n"),
                ProbeSection(kind: .command, subject: "logread -l 300", output: log, exitCode: 0),
            ], warnings: &warnings)
        let reboots = facts.reboots
        #expect(reboots.bootID == "6f1c2a9e-3d7b-4c55-9a0e-0c1d2e3f4a5b")
        #expect(reboots.bootsInLog == 3 && reboots.rebootsInLog == 2)
        #expect(reboots.watchdogEventsInLog == 1)
        #expect(reboots.watchdogs == [WatchdogStatus(device: "watchdog0", identity: "ath79-wdt", bootstatus: 32, reasons: ["watchdog"])])
        #expect(reboots.pstoreEntries == ["console-ramoops-0", "dmesg-ramoops-0"])
        #expect(reboots.crashRecords == [CrashRecord(file: "dmesg-ramoops-0", reason: "panic", count: 1, part: 1)])
        #expect(reboots.lastResetReasons == ["panic", "watchdog"])
        #expect(reboots.watchdogReset && reboots.crashRecorded)
    }

    @Test func aDeviceThatRecordsNothingSaysUnknownNotZero() {
        var warnings: [ParseWarning] = []
        let facts = SystemFacts(
            sections: [ProbeSection(kind: .file, subject: "/sys/fs/pstore/", output: "", isAbsent: true)], warnings: &warnings)
        #expect(facts.reboots.bootsInLog == nil && facts.reboots.rebootsInLog == nil)
        #expect(facts.reboots.pstoreEntries == nil && facts.reboots.lastResetReasons.isEmpty)
        #expect(!facts.reboots.watchdogReset && !facts.reboots.crashRecorded)
        #expect(warnings.isEmpty)
    }
}
