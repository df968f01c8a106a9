import Testing

@testable import TriageCore

@Suite struct ProcNetDevParserTests {
    private let header = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed

        """

    private func parse(_ text: String) -> ([NetworkDevice], [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let devices = ProcNetDevParser.parse(text, subject: "/proc/net/dev").value(addingWarningsTo: &warnings)
        return (devices, warnings)
    }

    @Test func countersStuckToTheColon() {
        let (devices, warnings) = parse(header + "  eth0:1234567890123 5 1 2 0 0 0 0 99 6 3 4 0 0 0 0\n")
        #expect(warnings.isEmpty)
        #expect(
            devices.first?.counters
                == DeviceCounters(
                    rxBytes: 1_234_567_890_123, rxPackets: 5, rxErrors: 1, rxDropped: 2,
                    txBytes: 99, txPackets: 6, txErrors: 3, txDropped: 4))
    }

    @Test func withoutHeaderTheStandardColumnsApply() {
        let (devices, warnings) = parse("lo: 1 2 3 4 0 0 0 0 5 6 7 8 0 0 0 0")
        #expect(warnings.isEmpty)
        #expect(devices.first?.counters.txDropped == 8)
    }

    @Test func emptyOutput() {
        let (devices, warnings) = parse("")
        #expect(devices.isEmpty && warnings.isEmpty)
    }

    @Test func truncatedLastLineKeepsItsFirstColumns() {
        let (devices, warnings) = parse(header + "  eth1: 24179742   71202    0   10")
        #expect(devices.first?.counters.rxDropped == 10)
        #expect(devices.first?.counters.txBytes == nil)
        #expect(warnings.count == 1 && warnings.first?.line == 3)
    }

    @Test func garbageLinesWarn() {
        let (devices, warnings) = parse(header + "no colon here\n: 1 2\n wl0: x y z\n")
        #expect(devices.map(\.name) == ["wl0"])
        #expect(warnings.count == 2 + 1 + 3)
    }
}
