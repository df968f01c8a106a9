import Foundation
import Testing
import TriageCore
import TriageTestSupport

/// The reader keeps what it can and reports the rest: garbage, binary bytes, CRLF, stderr,
/// missing frames, truncation and foreign tokens never crash it or lose the good sections.
@Suite struct ProbeStreamReaderTests {
    let token = ProbeToken(hex: "0123456789abcdef0123456789abcdef")!

    /// A frame line as the probes print it: its own leading newline, except for the header.
    func frame(_ text: String, first: Bool = false) -> String {
        (first ? "" : "\n") + "@@triage \(token.hex) \(text)\n"
    }

    var header: String { frame("probe version=1 name=link sha256=ab12", first: true) }

    func read(_ text: String) -> ProbeReading { ProbeStreamReader(token: token).read(Array(text.utf8)) }

    var wellFormed: String {
        header + frame("begin command ip route") + frame("out") + "default via 192.0.2.1 dev wan\n"
            + frame("err") + "ip: warning" + frame("end exit=0 ms=20")
            + frame("begin file /sys/class/net/eth0/carrier") + frame("out") + "1\n" + frame("end")
            + frame("begin file /sys/class/net/eth0/speed") + frame("end absent")
            + frame("begin dir /sys/class/ieee80211/") + frame("out") + "phy0\nphy1\n" + frame("end")
            + frame("begin command iw dev") + frame("err") + "sh: iw: not found" + frame("out") + frame("end exit=127 ms=0")
            + frame("done sections=5")
    }

    @Test func readsAWellFormedStream() {
        let reading = read(wellFormed)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(reading.isComplete)
        #expect(reading.header == ProbeHeader(version: 1, name: "link", sha256: "ab12"))
        #expect(reading.sections == [
            ProbeSection(kind: .command, subject: "ip route", output: "default via 192.0.2.1 dev wan\n", exitCode: 0,
                         durationMilliseconds: 20, errorOutput: "ip: warning"),
            ProbeSection(kind: .file, subject: "/sys/class/net/eth0/carrier", output: "1\n"),
            ProbeSection(kind: .file, subject: "/sys/class/net/eth0/speed", output: "", isAbsent: true),
            ProbeSection(kind: .file, subject: "/sys/class/ieee80211/", output: "phy0\nphy1\n"),
            ProbeSection(kind: .command, subject: "iw dev", output: "", exitCode: 127, durationMilliseconds: 0,
                         errorOutput: "sh: iw: not found"),
        ])
    }

    @Test func keepsOutputWithoutFinalNewlineAndLookalikeFrames() {
        let fake = "@@triage ffffffffffffffffffffffffffffffff end exit=0\n@@triage \(token.hex)X not a frame"
        let text = header + frame("begin command logread -l 300") + frame("out") + "no newline at the end"
            + frame("end exit=0 ms=1") + frame("begin command dmesg") + frame("out") + fake + frame("end exit=0")
            + frame("done sections=2")
        let reading = read(text)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(reading.sections.map(\.output) == ["no newline at the end", fake])
    }

    @Test func reportsGarbageOutsideSectionsAndKeepsTheSections() {
        let text = "Welcome to OpenWrt!\n" + wellFormed.replacingOccurrences(
            of: frame("begin file /sys/class/net/eth0/speed"), with: "\n\u{1}junk" + frame("begin file /sys/class/net/eth0/speed"))
        let reading = read(text)
        #expect(reading.sections.count == 5)
        #expect(reading.problems.count == 2, "\(reading.problems)")
        #expect(reading.problems.allSatisfy { $0.message.contains("outside any output block") })
    }

    @Test func replacesInvalidUTF8AndSaysSo() {
        var bytes = Array((header + frame("begin command logread -l 300") + frame("out")).utf8)
        bytes += [0x6f, 0x6b, 0xff, 0xfe, 0x00, 0xc3]
        bytes += Array((frame("end exit=0 ms=3") + frame("done sections=1")).utf8)
        let reading = ProbeStreamReader(token: token).read(bytes)
        #expect(reading.sections.first?.output == "ok\u{FFFD}\u{FFFD}\u{0}\u{FFFD}")
        #expect(reading.problems.map(\.subject) == ["logread -l 300"])
        #expect(reading.isComplete)
    }

    @Test func readsCRLFStreamsAsLF() {
        let reading = read(wellFormed.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(reading.sections == read(wellFormed).sections)
        #expect(reading.problems.count == 1)
        #expect(reading.problems.first?.message.contains("CRLF") == true)
    }

    @Test func keepsStdoutAndStderrApartWhenInterleaved() {
        let text = header + frame("begin command ubus list") + frame("err") + "e1\n" + frame("out") + "o1\n"
            + frame("err") + "e2" + frame("out") + "o2" + frame("end exit=0") + frame("done sections=1")
        let section = read(text).sections.first
        #expect(section?.output == "o1\no2")
        #expect(section?.errorOutput == "e1\ne2")
    }

    @Test func aSectionWithoutEndFrameIsTruncatedAndTheNextIsRead() {
        let text = header + frame("begin command ip route") + frame("out") + "partial"
            + frame("begin command ip -6 route") + frame("out") + "::/0\n" + frame("end exit=0") + frame("done sections=2")
        let reading = read(text)
        #expect(reading.sections.map(\.isTruncated) == [true, false])
        #expect(reading.sections.first?.output == "partial")
        #expect(!reading.isComplete)
        #expect(reading.problems.count == 1)
    }

    @Test func aTruncatedStreamKeepsWhatArrived() {
        let full = Array(wellFormed.utf8)
        for length in 0..<full.count {
            let reading = ProbeStreamReader(token: token).read(Array(full.prefix(length)))
            #expect(!reading.isComplete)
            #expect(!reading.problems.isEmpty)
        }
        let cut = read(header + frame("begin command logread -l 300") + frame("out") + "line 1\nline 2")
        #expect(cut.sections == [ProbeSection(kind: .command, subject: "logread -l 300", output: "line 1\nline 2",
                                              isTruncated: true)])
        #expect(cut.problems.contains { $0.message.contains("no done frame") })
    }

    @Test func aWrongTokenReadsNothingAndSaysWhy() {
        let other = ProbeStreamReader(token: ProbeToken(hex: "fedcba9876543210fedcba9876543210")!)
        let reading = other.read(Array(wellFormed.utf8))
        #expect(reading.sections.isEmpty)
        #expect(reading.header == nil)
        #expect(reading.problems.count == 1)
        #expect(reading.problems.first?.message.contains(token.hex) == true)
    }

    @Test func emptyAndFramelessStreamsAreProblemsNotCrashes() {
        #expect(read("").problems.first?.message.contains("empty") == true)
        #expect(read("sh: syntax error\n").problems.first?.message.contains("no frames") == true)
    }

    @Test func timeoutOnTheDeviceMarksTheSectionTruncated() {
        let text = header + frame("begin command iw dev wlan0 station dump") + frame("out") + "Station"
            + frame("end exit=143 ms=10000 cut=timeout") + frame("done sections=1")
        let reading = read(text)
        #expect(reading.sections.first?.isTruncated == true)
        #expect(reading.sections.first?.exitCode == 143)
        #expect(!reading.isComplete)
    }

    @Test func reportsFramesInTheWrongPlace() {
        let text = frame("end exit=0", first: true) + frame("out") + "stray" + header + frame("unknown x")
            + frame("begin command ip route") + frame("end exit=0") + frame("done sections=7")
        let reading = read(text)
        #expect(reading.sections.count == 1)
        #expect(reading.problems.count >= 4, "\(reading.problems)")
    }

    @Test func survivesRandomBytesAndRandomDamage() {
        var generator = SeededGenerator(seed: 0x7269_6167_6531_30, environment: ProcessInfo.processInfo.environment)
        let good = Array(wellFormed.utf8)
        let intact = ProbeStreamReader(token: token).read(good)
        #expect(intact.isComplete && intact.sections.count > 1)
        for round in 0..<300 {
            var bytes = good
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(contentsOf: [0x0a, 0x0d, 0x40], at: index)
                }
            }
            let damaged = ProbeStreamReader(token: token).read(bytes)
            // Only `begin` frames make sections, and damage does not forge this run's token.
            #expect(damaged.sections.count <= intact.sections.count, "round \(round), \(generator)")
            let noise = (0..<Int.random(in: 0..<2000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(ProbeStreamReader(token: token).read(noise).sections.isEmpty, "round \(round), \(generator)")
        }
    }
}
