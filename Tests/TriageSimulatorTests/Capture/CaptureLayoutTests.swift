import Foundation
import Logging
import Testing
import TriageCore
import TriageSimulator
import TriageTestSupport

/// A captured case rebuilt as a scenario folder prints the same sections again: probed locally
/// (the simulator's shell and dispatchers, without SSH), its facts equal those of the masked
/// sections it was written from, for a built-in scenario of each kind.
@Suite("Capture layout round trip")
struct CaptureLayoutTests {
    @Test("a built-in scenario of each kind, captured and probed again, gives the same facts and rules")
    func roundTrip() async throws {
        let folder = try BundledResources.requireDirectory(named: "Scenarios")
        let all = try ScenarioLoader.load(folders: try ScenarioLoader.scenarioFolders(in: folder))
            .filter { $0.transport.fault == .none }
        try #require(all.count >= 10, "too few scenarios in \(folder.path)")
        // One scenario per kind (the id's first word: wlan, link, led, system, healthy, …): each
        // round trip probes twice, and every scenario is already walked end to end elsewhere.
        var kinds: Set<String> = []
        let scenarios = all.filter { kinds.insert(String($0.id.prefix { $0 != "-" })).inserted }
        try #require(scenarios.count >= 5, "\(scenarios.map(\.id))")
        let catalog = try ProbeCatalog.bundled()
        let book = try RuleBook.load(directories: [try BundledResources.requireDirectory(named: "Rules")])
        let engine = RuleEngine(book: book)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let work = try TemporaryDirectory(prefix: "triage-capture-layout")
        defer { work.remove() }
        for scenario in scenarios {
            let sections = try await LocalProbeRun.sections(scenarioFolder: scenario.folder, catalog: catalog, logger: logger)
            let mask = try CaptureMask()
            let masked = sections.map(mask.mask)
            let capture = ScenarioCapture(
                id: "captured-" + scenario.id, model: scenario.device.model, firmware: scenario.device.firmware,
                expect: scenario.expect, capturedAt: Date(), triageVersion: TriageVersion.current,
                layout: CaptureLayout(sections: masked))
            #expect(capture.layout.skipped.isEmpty, "\(scenario.id): \(capture.layout.skipped)")
            let out = work.url.appendingPathComponent(capture.id)
            try capture.write(to: out)
            let loaded = try ScenarioLoader.load(folder: out)
            #expect(loaded.id == capture.id && loaded.expect == scenario.expect)
            let again = try await LocalProbeRun.sections(scenarioFolder: out, catalog: catalog, logger: logger)
            let expected = Diagnoser.document(sections: masked)
            let found = Diagnoser.document(sections: again)
            #expect(found == expected, "\(scenario.id): facts differ after the round trip")
            #expect(engine.findings(in: found, sections: []).map(\.ruleID)
                    == engine.findings(in: Diagnoser.document(sections: sections), sections: []).map(\.ruleID),
                    "\(scenario.id): masking changed the rules that fire")
        }
    }

    @Test("the folder is 0700 and its files 0600; an existing folder is refused")
    func privateModes() throws {
        let work = try TemporaryDirectory(prefix: "triage-capture-modes")
        defer { work.remove() }
        let layout = CaptureLayout(sections: [
            ProbeSection(kind: .command, subject: "iw dev", output: "phy#0\n", exitCode: 0),
            ProbeSection(kind: .command, subject: "iwinfo", output: "", exitCode: 127),
            ProbeSection(kind: .command, subject: "ubus list", output: "x\n", exitCode: 4),
            ProbeSection(kind: .file, subject: "/sys/class/net/eth0/carrier", output: "1\n"),
            ProbeSection(kind: .file, subject: "/sys/class/net/eth0/speed", output: "", isAbsent: true),
            ProbeSection(kind: .file, subject: "/sys/class/ieee80211/", output: "phy0\n"),
            ProbeSection(kind: .file, subject: "/sys/../etc/shadow", output: "x"),
            ProbeSection(kind: .command, subject: "cat /etc/shadow", output: "x", exitCode: 0),
        ])
        #expect(layout.files == ["commands/iw dev": "phy#0\n", "commands/ubus list": "x\n", "commands/ubus list.exit": "4\n",
                                 "root/sys/class/net/eth0/carrier": "1\n"])
        #expect(layout.folders == ["root/sys/class/ieee80211", "root/sys/class/ieee80211/phy0"])
        #expect(layout.skipped.count == 2, "\(layout.skipped)")
        let capture = ScenarioCapture(id: "modes", model: "M", firmware: "F",
                                      expect: ScenarioExpectation(verdict: .healthy, components: []),
                                      capturedAt: Date(), triageVersion: "t", layout: layout)
        let out = work.url.appendingPathComponent("modes")
        try capture.write(to: out)
        for path in ["", "/commands", "/root/sys/class/ieee80211/phy0"] {
            #expect(try mode(out.path + path) == 0o700, "\(path)")
        }
        for path in ["/scenario.yaml", "/commands/iw dev", "/root/sys/class/net/eth0/carrier"] {
            #expect(try mode(out.path + path) == 0o600, "\(path)")
        }
        #expect(throws: ScenarioError.self) { try capture.write(to: out) }
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
