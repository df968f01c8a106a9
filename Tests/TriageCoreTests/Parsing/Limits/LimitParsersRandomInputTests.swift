import Foundation
import Testing
import TriageTestSupport

@testable import TriageCore

/// Random damage to real outputs of the protocol-2 sections: the parsers keep what they can, never
/// trap, and stay within the warning cap. The seed is fixed and printed with any failure.
@Suite struct LimitParsersRandomInputTests {
    static let samples: [(subject: String, text: String)] = [
        ("iw reg get", "global\ncountry DE: DFS-ETSI\n\t(2400 - 2483 @ 40), (N/A, 20), (N/A)\n\t(5250 - 5350 @ 80), (N/A, 20), (0 ms), NO-OUTDOOR, DFS, AUTO-BW\n\nphy#1 (self-managed)\ncountry US: DFS-FCC\n"),
        ("ubus call hostapd.wlan0 get_status", #"{"status": "DFS", "freq": 5260, "channel": 52, "phy": "phy1", "airtime": {"utilization": 3}, "dfs": {"cac_seconds": 60, "cac_active": true, "cac_seconds_left": 41}}"#),
        ("/sys/class/thermal/thermal_zone0/trip_point_0_temp", "110000\n"),
        ("/sys/class/thermal/thermal_zone0/type", "cpu-thermal\n"),
        ("/sys/class/hwmon/hwmon0/temp1_input", "47000\n"),
        ("/sys/class/watchdog/watchdog0/bootstatus", "32\n"),
        ("/sys/fs/pstore/", "console-ramoops-0\ndmesg-ramoops-0\n"),
        ("/sys/fs/pstore/dmesg-ramoops-0", "Panic#1 Part1\n"),
    ]

    @Test func damagedOutputsParseWithinTheCap() {
        var generator = SeededGenerator(seed: 0x6B62_7072_6F62_65, environment: ProcessInfo.processInfo.environment)
        for round in 0..<400 {
            let sample = Self.samples[round % Self.samples.count]
            var bytes = Array(sample.text.utf8)
            for _ in 0..<Int.random(in: 1...6, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(contentsOf: Array("\n(@,{\"".utf8).shuffled(using: &generator).prefix(2), at: index)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let kind: ProbeSection.Kind = sample.subject.hasPrefix("/") ? .file : .command
            let section = ProbeSection(kind: kind, subject: sample.subject, output: text, exitCode: kind == .command ? 0 : nil)
            let facts = DeviceFacts(sections: [section])
            #expect(facts.warnings.count <= WarningCollector.maximumPerSection + 1, "round \(round), \(generator)")
            #expect(facts.system.temperatures.allSatisfy { $0.celsius.isFinite }, "round \(round), \(generator)")
        }
    }
}
