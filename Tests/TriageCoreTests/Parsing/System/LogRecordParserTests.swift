import Testing

@testable import TriageCore

@Suite struct LogRecordParserTests {
    private func record(_ line: String) -> LogRecord {
        LogRecordParser.parse(line[...])
    }

    @Test func plainDmesg() {
        let record = record("[   15.423452] ath10k_pci 0001:01:00.0: failed to fetch board data")
        #expect(record.process == "kernel" && record.isRecognized)
        #expect(record.message == "ath10k_pci 0001:01:00.0: failed to fetch board data")
    }

    @Test func dmesgWithHumanTimestampsAndRawPriority() {
        #expect(
            record("[Mon Nov 16 18:53:04 2020] ath10k_pci 0000:07:00.0: firmware crashed!").message
                == "ath10k_pci 0000:07:00.0: firmware crashed!")
        #expect(record("<3>[  417.773000] Line 0: xDSL link down").message == "Line 0: xDSL link down")
    }

    @Test func openWrtLogread() {
        let kernel = record(
            "Fri Mar 29 04:20:37 2019 kern.err kernel: [  358.187277] ath10k_pci 0000:00:00.0: firmware crashed!")
        #expect(kernel.process == "kernel" && kernel.message == "ath10k_pci 0000:00:00.0: firmware crashed!")
        let daemon = record("Wed Oct  7 08:49:32 2020 daemon.notice pppd[29412]: pppd 2.4.8 started by root, uid 0")
        #expect(daemon.process == "pppd" && daemon.tag == "pppd[29412]")
        #expect(daemon.message == "pppd 2.4.8 started by root, uid 0")
    }

    @Test func journalAndSyslog() {
        let journal = record("May 26 09:50:12 xmg kernel: ath10k_pci 0000:04:00.0: firmware crashed!")
        #expect(journal.process == "kernel" && journal.message == "ath10k_pci 0000:04:00.0: firmware crashed!")
        let syslog = record("Jan  1 00:00:12 OpenWrt daemon.err hostapd: wlan0: Interface initialization failed")
        #expect(syslog.process == "hostapd" && syslog.message == "wlan0: Interface initialization failed")
        let iso = record("2024-05-26T09:50:12+0200 host netifd: Interface 'wan' is now down")
        #expect(iso.process == "netifd" && iso.message == "Interface 'wan' is now down")
    }

    @Test func unknownFormatsAreKeptAsMessages() {
        for line in ["", "   ", "hello world", "[ unclosed", "Mon", "Fri Mar 29 04:20:37 2019 kern.err", "<12"] {
            let record = record(line)
            #expect(record.process == nil || !record.isRecognized, "\(line)")
        }
    }
}
