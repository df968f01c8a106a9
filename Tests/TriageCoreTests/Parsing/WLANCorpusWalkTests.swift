import Foundation
import Testing
import TriageCore

/// Walks every corpus file of the WLAN and LED kinds: each parses, and its key facts are there.
@Suite struct WLANCorpusWalkTests {
    /// The folders walked below: a missing or empty one would leave its walk with no case, passing.
    static let kinds = [
        "iw-dev", "iw-dev-info", "iw-station-dump", "iwinfo-info", "ubus-network-wireless-status",
        "ubus-hostapd-get-clients", "leds",
    ]

    @Test(arguments: kinds)
    func corpusFolderIsThere(_ kind: String) {
        #expect(!TestPaths.corpusFiles(kind: kind).isEmpty, "no corpus files in \(TestPaths.corpus.path)/\(kind)")
    }

    @Test(arguments: TestPaths.corpusFiles(kind: "iw-dev"))
    func iwDev(_ file: URL) throws {
        let result = IwDevParser.parse(try String(contentsOf: file, encoding: .utf8))
        #expect(!result.value.isEmpty)
        #expect(result.value.allSatisfy { $0.type != nil && $0.wiphy != nil && $0.channel != nil })
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: TestPaths.corpusFiles(kind: "iw-dev-info"))
    func iwDevInfo(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let result = IwDevInfoParser.parse(text, interface: Self.firstInterface(in: text))
        #expect(result.value?.type != nil)
        #expect(result.value?.wiphy != nil)
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: TestPaths.corpusFiles(kind: "iw-station-dump"))
    func stationDump(_ file: URL) throws {
        let result = IwStationDumpParser.parse(try String(contentsOf: file, encoding: .utf8), interface: "wlan0")
        #expect(!result.value.isEmpty)
        #expect(result.value.allSatisfy { $0.signalDBm != nil && $0.txFailed != nil })
    }

    @Test(arguments: TestPaths.corpusFiles(kind: "iwinfo-info"))
    func iwinfo(_ file: URL) throws {
        let result = IwinfoParser.parse(try String(contentsOf: file, encoding: .utf8))
        #expect(!result.value.isEmpty)
        #expect(result.value.allSatisfy { $0.channel != nil && $0.type != nil && $0.phy != nil })
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: TestPaths.corpusFiles(kind: "ubus-network-wireless-status"))
    func wirelessStatus(_ file: URL) throws {
        let result = NetworkWirelessStatusParser.parse(try String(contentsOf: file, encoding: .utf8))
        #expect(!result.value.isEmpty)
        #expect(result.value.allSatisfy { $0.up != nil && $0.disabled != nil && $0.retrySetupFailed != nil })
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: TestPaths.corpusFiles(kind: "ubus-hostapd-get-clients"))
    func hostapdClients(_ file: URL) throws {
        let result = HostapdClientsParser.parse(try String(contentsOf: file, encoding: .utf8), object: "hostapd.wlan0")
        #expect(result.value.frequencyMHz != nil)
        #expect(!result.value.clients.isEmpty)
        #expect(result.value.clients.allSatisfy { $0.authorized != nil })
    }

    @Test(arguments: TestPaths.corpusFiles(kind: "leds"))
    func leds(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        if file.lastPathComponent.contains("trigger") {
            let result = LEDTriggerParser.parse(text, subject: "/sys/class/leds/x/trigger")
            #expect(result.value.active != nil)
            #expect(result.warnings.isEmpty)
        } else {
            // `ls /sys/class/leds/`: every name yields at least a function.
            let names = text.split(whereSeparator: \.isWhitespace).map(String.init)
            #expect(!names.isEmpty)
            #expect(names.map(LED.init(name:)).allSatisfy { $0.function != nil })
        }
    }

    private static func firstInterface(in text: String) -> String {
        let line = text.split(separator: "\n").first { $0.hasPrefix("Interface ") }
        return line.map { String($0.dropFirst("Interface ".count)) } ?? "wlan0"
    }
}
