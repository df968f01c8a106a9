import Foundation
import Testing
import TriageCore
import TriageReport
import TriageTestSupport

@Suite("Diagnosis digest")
struct DiagnosisDigestTests {
    @Test("the deciding finding comes first and gives the cause, even when a lesser finding was made first")
    func decidingFirst() {
        var diagnosis = SampleDiagnoses.make(.replace)
        let led = Finding(component: .led, code: "led.lit-while-wlan-down", severity: .warning, message: "WLAN LED lit while the radio is down",
                          verdict: .healthy, ruleID: "led-lit-while-wlan-down")
        diagnosis.findings.insert(led, at: 0)
        let digest = DiagnosisDigest(diagnosis)
        #expect(digest.findings.map(\.code) == ["wlan.phy-missing", "led.lit-while-wlan-down"])
        #expect(digest.cause.hasPrefix("No radio"))
        #expect(digest.todo == VerdictWords.step(for: .replace))
        let states = Dictionary(uniqueKeysWithValues: digest.components.map { ($0.component, $0.health) })
        #expect(states[.wlan] == .fault && states[.led] == .warning && states[.link] == .ok && states[.transport] == .ok)
    }

    @Test("a remediable diagnosis says its remedy as what to do")
    func remedyIsTheTodo() {
        let digest = DiagnosisDigest(SampleDiagnoses.make(.remediable))
        #expect(digest.todo == "uci set wireless.radio0.disabled=0; wifi")
    }

    @Test("with no probe output the device's components are 'not seen', not 'ok'")
    func notSeen() {
        var diagnosis = SampleDiagnoses.make(.healthy)
        diagnosis.sections = []
        let digest = DiagnosisDigest(diagnosis)
        #expect(digest.components.filter { $0.component != .transport }.allSatisfy { $0.health == .notSeen })
    }

    @Test("evidence is folded to the lines that name what the message names")
    func folding() {
        let lines = (1...12).map { "line \($0) of noise" } + ["radio0 disabled '1'", "phy0 missing"]
        let finding = Finding(component: .wlan, code: "wlan.x", severity: .critical, message: "Radio radio0 is down: phy0 missing",
                              verdict: .replace, evidence: [Evidence(section: "s", lines: lines)], ruleID: "r")
        let folded = FoldedEvidence(finding.evidence[0], of: finding)
        #expect(folded.lines == ["radio0 disabled '1'", "phy0 missing"])
        #expect(folded.hidden == 12)
        #expect(FoldedEvidence(finding.evidence[0], of: finding, all: true).lines.count == 14)
    }
}
