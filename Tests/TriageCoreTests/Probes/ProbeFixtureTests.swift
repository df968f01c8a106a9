import Foundation
import Testing
import TriageCore

/// Every probe, under BusyBox ash, dash and bash, against fixture devices: the sections are
/// exactly the contract's commands and files for that device, holding what the fixture holds.
@Suite struct ProbeFixtureTests {
    static let catalog = Result { try ProbeCatalog.bundled() }

    /// Commands whose stdout the probes capture (to read it) or redact: their output ends in
    /// exactly one newline, and redacted lines may differ from the fixture by a *** mask.
    static let capturedCommands: Set = ["iw dev", "ubus list"]
    static let redactedCommands: Set = ["ubus call network.wireless status", "ubus call network.interface dump",
                                        "uci -q show system"]

    struct Expectation: Sendable, CustomTestStringConvertible {
        let device: String
        let probe: String
        let commands: [String]
        let fileSections: Int
        var testDescription: String { "\(probe) on \(device)" }
    }

    static let expectations: [Expectation] = [
        Expectation(device: "openwrt-two-radios", probe: "wlan", commands: [
            "iw dev", "iw dev wlan1 info", "iw dev wlan1 station dump", "iw dev wlan0 info",
            "iw dev wlan0 station dump", "iwinfo", "ubus call network.wireless status", "ubus list",
            "ubus call hostapd.wlan0 get_clients", "ubus call hostapd.wlan0 get_status",
            "ubus call hostapd.wlan1 get_clients", "ubus call hostapd.wlan1 get_status", "iw reg get",
        ], fileSections: 1 + 2 * 4),
        Expectation(device: "openwrt-two-radios", probe: "link", commands: [
            "ubus call network.interface dump", "ip route", "ip -6 route", "ubus list",
        ], fileSections: 8 * 13 + 1),
        Expectation(device: "openwrt-two-radios", probe: "led", commands: ["uci -q show system"],
                    fileSections: 10 * 3),
        Expectation(device: "openwrt-two-radios", probe: "system", commands: [
            "ubus call system board", "ubus call system info", "df -k", "logread -l 300",
        ],
        // 4 /proc and /etc files; zone0: type, temp, two trips of two files; zone1: type and temp (absent);
        // boot_id; watchdog0 identity and bootstatus; the pstore listing and its one dmesg record.
        fileSections: 4 + 6 + 2 + 1 + 2 + 1 + 1),
        Expectation(device: "debian-cpe-without-openwrt-tools", probe: "wlan", commands: [
            "iw dev", "iwinfo", "ubus call network.wireless status", "ubus list", "iw reg get",
        ], fileSections: 1),
        Expectation(device: "debian-cpe-without-openwrt-tools", probe: "link", commands: [
            "ubus call network.interface dump", "ip route", "ip -6 route", "ubus list",
        ], fileSections: 2 * 13 + 1),
        Expectation(device: "debian-cpe-without-openwrt-tools", probe: "led", commands: ["uci -q show system"],
                    fileSections: 0),
        Expectation(device: "debian-cpe-without-openwrt-tools", probe: "system", commands: [
            "ubus call system board", "ubus call system info", "df -k", "logread -l 300", "dmesg",
        ],
        // No thermal zones: hwmon0's name, temp1_input, temp1_crit, temp1_max; boot_id and pstore (absent).
        fileSections: 4 + 4 + 2),
    ]

    @Test(arguments: expectations, FixtureDevice.shells)
    func probeReportsWhatTheDeviceHolds(_ expected: Expectation, shell: [String]) async throws {
        let script = try #require(try Self.catalog.get().script(named: expected.probe))
        let device = FixtureDevice(name: expected.device)
        let run = try await device.run(script, shell: shell)

        #expect(run.exitCode == 0, "shell stderr: \(run.standardError)")
        #expect(run.standardError.isEmpty)
        #expect(run.reading.problems.isEmpty, "\(run.reading.problems)")
        #expect(run.reading.isComplete)
        #expect(run.reading.header == ProbeHeader(version: ProbeStreamReader.protocolVersion, name: expected.probe, sha256: script.sha256))

        let commands = run.reading.sections.filter { $0.kind == .command }
        #expect(commands.map(\.subject) == expected.commands)
        #expect(run.reading.sections.count - commands.count == expected.fileSections)
        for section in run.reading.sections {
            if section.kind == .command { checkCommand(section, on: device) } else { checkFile(section, on: device) }
        }
    }

    private func checkCommand(_ section: ProbeSection, on device: FixtureDevice) {
        #expect(section.durationMilliseconds != nil, "\(section.subject)")
        #expect(!section.isTruncated, "\(section.subject)")
        guard let canned = device.cannedOutput(section.subject) else {
            #expect(section.exitCode == 127, "\(section.subject)")
            #expect(section.output.isEmpty)
            #expect(section.errorOutput.contains("not found"), "\(section.subject): \(section.errorOutput)")
            return
        }
        #expect(section.exitCode == device.cannedExitCode(section.subject), "\(section.subject)")
        #expect(section.errorOutput.isEmpty, "\(section.subject): \(section.errorOutput)")
        if Self.redactedCommands.contains(section.subject) {
            let got = lines(section.output), want = lines(canned)
            #expect(got.count == want.count, "\(section.subject)")
            for (line, original) in zip(got, want) where line != original {
                #expect(line.contains("***"), "\(section.subject): \(line)")
            }
        } else if Self.capturedCommands.contains(section.subject) {
            #expect(lines(section.output) == lines(canned), "\(section.subject)")
        } else {
            #expect(section.output == canned, "\(section.subject)")
        }
    }

    private func checkFile(_ section: ProbeSection, on device: FixtureDevice) {
        #expect(section.exitCode == nil && !section.isTruncated, "\(section.subject)")
        var expected = section.subject.hasSuffix("/")
            ? device.directoryListing(section.subject) : device.fileContent(section.subject)
        // pstore records are sent by their header line only (`end head=1`).
        if section.subject.hasPrefix("/sys/fs/pstore/dmesg-") {
            expected = expected.map { $0.prefix { $0 != "\n" } + "\n" }
        }
        if let expected {
            #expect(!section.isAbsent, "\(section.subject)")
            #expect(section.output == expected, "\(section.subject)")
        } else {
            #expect(section.isAbsent, "\(section.subject)")
            #expect(section.output.isEmpty, "\(section.subject)")
        }
    }

    private func lines(_ text: String) -> [Substring] {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
