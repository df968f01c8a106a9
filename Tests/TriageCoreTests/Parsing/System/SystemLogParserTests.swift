import Testing

@testable import TriageCore

@Suite struct SystemLogParserTests {
    private func parse(_ text: String, subject: String = "logread -l 300") -> (SystemLog, [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let log = SystemLogParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
        return (log, warnings)
    }

    @Test func healthyDevicesOneOffWarningsAreNoEvents() {
        let (log, warnings) = parse(
            """
            Sun Nov 10 19:17:50 2024 user.info kernel: [   15.4] ath10k_pci 0001:01:00.0: failed to fetch board data for bus=pci,variant=Xiaomi-AX6000 from ath10k/QCA9887/hw1.0/board-2.bin
            Sun Nov 10 19:17:50 2024 kern.warn kernel: [   15.5] platform x: Direct firmware load for regulatory.db failed with error -2
            Sun Nov 10 19:17:51 2024 user.info procd: - watchdog -
            Sun Nov 10 19:17:59 2024 daemon.notice hostapd: phy0-ap0: AP-DISABLED
            Sun Nov 10 19:18:00 2024 daemon.notice hostapd: phy0-ap0: interface state ENABLED->DISABLED
            """)
        #expect(warnings.isEmpty)
        #expect(log.events.isEmpty)
    }

    @Test func kernelAndNetifdReportsOfOneTransitionAreOneEvent() {
        let (log, _) = parse(
            """
            Sun Nov 10 19:18:11 2024 kern.info kernel: [   32.33] mt7530-mdio mdio-bus:1f lan1: Link is Up - 1Gbps/Full - flow control rx/tx
            Sun Nov 10 19:18:11 2024 kern.info kernel: [   32.34] br-lan: port 1(lan1) entered blocking state
            Sun Nov 10 19:18:11 2024 daemon.notice netifd: Network device 'lan1' link is up
            Sun Nov 10 19:19:11 2024 kern.info kernel: [   92.33] mt7530-mdio mdio-bus:1f lan1: Link is Down
            Sun Nov 10 19:19:12 2024 kern.info kernel: [   93.33] mt7530-mdio mdio-bus:1f lan1: Link is Up - 1Gbps/Full - flow control rx/tx
            """)
        #expect(log.events.map(\.kind) == [.linkUp, .linkDown, .linkUp])
        #expect(log.events.map(\.subject) == ["lan1", "lan1", "lan1"])
        #expect(log.events[0].lines.map(\.number) == [1, 3])
        #expect(log.events[0].detail == "1Gbps/Full - flow control rx/tx")
    }

    @Test func longLinesAreReadUpToTheKernelsLineLimit() {
        let padding = String(repeating: "x", count: 300_000)
        let (log, warnings) = parse(
            """
            Sun Nov 10 19:19:11 2024 kern.info kernel: [   92.33] mt7530-mdio mdio-bus:1f lan1: Link is Down \(padding)
            Sun Nov 10 19:19:12 2024 kern.info kernel: [   93.33] \(padding) lan2: Link is Down
            """)
        #expect(log.events.map(\.subject) == ["lan1"], "a pattern past the first 1024 bytes is not searched for")
        #expect(log.events.first?.lines.first.map { $0.text.utf8.count <= SystemLogParser.maximumLineBytes } == true)
        #expect(warnings.map(\.message) == ["2 line(s) longer than 1024 bytes; only their first 1024 bytes were read"])
        #expect(warnings.first?.line == 1)
    }

    @Test func repeatsStaySeparateEvents() {
        let (log, _) = parse(
            (1...4).map { "[\($0).0] mt7915e 0000:02:00.0: Message 00005aed (seq \($0)) timeout" }.joined(
                separator: "\n"),
            subject: "dmesg")
        #expect(log.events.count == 4)
        #expect(log.events.allSatisfy { $0.kind == .firmwareCrash && $0.subject == "mt7915e 0000:02:00.0" })
    }

    @Test func pppoeServerMessageExplainsTheAuthFailure() {
        let (log, _) = parse(
            """
            Thu Jun  1 23:56:45 2023 daemon.info pppd[10446]: Remote message: Radius User Restriction
            Thu Jun  1 23:56:45 2023 daemon.err pppd[10446]: PAP authentication failed
            Thu Jun  1 23:57:45 2023 daemon.info pppd[10447]: Remote message: Authentication success,Welcome!
            """)
        #expect(
            log.events == [
                LogEvent(
                    kind: .pppoeAuthFailure, subject: "pppd[10446]", detail: "Radius User Restriction",
                    lines: [
                        LogLine(
                            number: 1,
                            text:
                                "Thu Jun  1 23:56:45 2023 daemon.info pppd[10446]: Remote message: Radius User Restriction"
                        ),
                        LogLine(
                            number: 2,
                            text: "Thu Jun  1 23:56:45 2023 daemon.err pppd[10446]: PAP authentication failed"),
                    ])
            ])
    }

    @Test func watchdogLockupIsNotAnOops() {
        let (log, _) = parse(
            "[ 100.0] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:1:33]\n[ 101.0] BUG: Bad page state in process swapper\n"
                + "[ 102.0] thermal thermal_zone0: critical temperature reached (120 C), shutting down\n",
            subject: "dmesg")
        #expect(log.events.map(\.kind) == [.watchdog, .kernelOops, .thermalShutdown])
        #expect(log.events[2].subject == "thermal thermal_zone0")
    }

    @Test func keepsTheLast300Lines() {
        let lines = (1...450).map { "[\($0).0] eth0: link up (1000Mbps/Full duplex)" }
        let (log, _) = parse(lines.joined(separator: "\n") + "\n", subject: "dmesg")
        #expect(log.lineCount == 450 && log.firstKeptLine == 151)
        #expect(log.events.count == 300)
        #expect(log.events.first?.lines.first?.number == 151)
    }

    @Test func emptyLog() {
        let (log, warnings) = parse("")
        #expect(log == SystemLog(command: "logread -l 300", lineCount: 0, firstKeptLine: 1, events: []))
        #expect(warnings.isEmpty)
    }

    @Test func truncatedLastLineStillCounts() {
        let (log, warnings) = parse(
            "Mon Feb 20 23:57:54 2023 daemon.warn pppd[5190]: Timeout waiting for PADO packets\nMon Feb 20 23:57:55 2023 daemon.err pp"
        )
        #expect(log.events.map(\.kind) == [.pppoeTimeout])
        #expect(warnings.count == 1 && warnings.first?.line == 2)
    }

    @Test func garbageIsOneWarningAndNoEvents() {
        let (log, warnings) = parse("\u{0}\u{1}\u{2}\n\u{fffd}\u{fffd}\nrandom words here\n")
        #expect(log.events.isEmpty)
        #expect(
            warnings == [
                ParseWarning(
                    section: "logread -l 300", line: 1,
                    message: "3 of 3 lines in no known log format; read as plain messages")
            ])
    }
}
