import Foundation
import Testing
import TriageCore
import TriageTestSupport

@Suite("Rule files and the knowledge base")
struct RuleBookTests {
    func write(_ text: String, to name: String, in folder: TemporaryDirectory) throws {
        try text.write(to: folder.url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test("every problem of a bad file is named with file and line")
    func badRulesAreLocated() throws {
        let folder = try TemporaryDirectory(prefix: "triage-bad-rules")
        defer { folder.remove() }
        try write("""
            rules:
              - id: broken
                title: Broken on purpose
                component: wifi
                when: any(wlan.radios, up = false)
                code: x.broken
                message: "{{ count(wlan.radios) "
                verdict: remediable
                tests: []
              - id: typo
                titel: A typo
            """, to: "bad.yaml", in: folder)
        do {
            _ = try RuleBook.load(directories: [folder.url])
            Issue.record("a bad rule file was accepted")
        } catch {
            let text = error.problems.map(\.description)
            let file = folder.url.appendingPathComponent("bad.yaml").path
            #expect(text.contains { $0.hasPrefix("\(file):4:") && $0.contains("`component` must be one of") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("\(file):5:31:") && $0.contains("compare with '=='") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("\(file):7:") && $0.contains("closing '}}'") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("\(file):2:") && $0.contains("needs a `remedy`") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("\(file):11:") && $0.contains("did you mean 'title'") }, "\(text)")
        }
    }

    @Test("an operator's rule overrides the shipped one of the same id; enabled: false switches one off")
    func operatorOverrides() throws {
        let folder = try TemporaryDirectory(prefix: "triage-operator-rules")
        defer { folder.remove() }
        try write("""
            rules:
              - id: wlan-radio-disabled
                title: Disabled radio, policy of this operator
                component: wlan
                when: any(wlan.radios, disabled == true)
                code: wlan.radio-disabled
                message: Radio off; this operator sends a technician.
                verdict: escalate
                tests:
                  - facts: {wlan: {radios: [{name: radio0, disabled: true}]}}
                    fires: true
              - {id: wlan-dfs-cac, enabled: false}
            """, to: "local.yaml", in: folder)
        let shipped = try BundledResources.requireDirectory(named: "Rules")
        let plain = try RuleBook.load(directories: [shipped])
        let book = try RuleBook.load(directories: [shipped, folder.url])
        #expect(book.overridden.sorted() == ["wlan-dfs-cac", "wlan-radio-disabled"])
        #expect(book.rules.count == plain.rules.count - 1)
        #expect(!book.rules.contains { $0.id == "wlan-dfs-cac" })
        let facts = LenientJSON.parse(#"{"wlan": {"radios": [{"name": "radio0", "disabled": true, "up": false}]}}"#).value!
        let findings = RuleEngine(book: book).findings(in: facts, sections: [])
        #expect(findings.first { $0.code == "wlan.radio-disabled" }?.verdict == .escalate)
        #expect(VerdictPolicy.verdict(for: findings) == .escalate)
        #expect(VerdictPolicy.verdict(for: RuleEngine(book: plain).findings(in: facts, sections: [])) == .remediable)
    }

    @Test("every shipped rule's fact tests pass (scenario tests run in `triage rules test`)")
    func shippedFactTests() async throws {
        let book = try RuleBook.load(directories: [try BundledResources.requireDirectory(named: "Rules")])
        #expect(book.rules.count >= 15)
        for rule in book.rules {
            #expect(!rule.tests.isEmpty, "\(rule.id) has no tests")
            #expect(rule.tests.contains { $0.fires } && rule.tests.contains { !$0.fires }, "\(rule.id): test both ways")
        }
        let results = await RuleTestRunner(book: book).run()
        for result in results {
            if case .failed = result.outcome { Issue.record("\(result)") }
        }
    }

    @Test("a crash loop's message names each crashing device once, in log order")
    func crashLoopMessageListsEachDeviceOnce() throws {
        let book = try RuleBook.load(directories: [try BundledResources.requireDirectory(named: "Rules")])
        let facts = LenientJSON.parse(#"""
            {"system": {"log": {"events": [
                {"kind": "firmwareCrash", "subject": "ath10k_pci 0000:01:00.0", "lines": []},
                {"kind": "firmwareCrash", "subject": "mt7915e 0000:02:00.0", "lines": []},
                {"kind": "firmwareCrash", "subject": "ath10k_pci 0000:01:00.0", "lines": []},
                {"kind": "firmwareCrash", "subject": "ath10k_pci 0000:01:00.0", "lines": []}]}}}
            """#).value!
        let finding = RuleEngine(book: book).findings(in: facts, sections: []).first { $0.code == "wlan.firmware-crash-loop" }
        #expect(finding?.message == "The radio firmware crashed 4 times in the log (ath10k_pci 0000:01:00.0, mt7915e 0000:02:00.0).")
    }

    @Test("LEDs lit by the same trigger name it once")
    func ledMessageNamesEachTriggerOnce() throws {
        let book = try RuleBook.load(directories: [try BundledResources.requireDirectory(named: "Rules")])
        let facts = LenientJSON.parse(#"""
            {"wlan": {"radios": [{"name": "radio0", "up": false, "disabled": false}]},
             "led": {"leds": [
                {"name": "blue:wlan-2g", "function": "wlan-2g", "brightness": 1, "activeTrigger": "default-on"},
                {"name": "blue:wlan-5g", "function": "wlan-5g", "brightness": 1, "activeTrigger": "default-on"}]}}
            """#).value!
        let finding = RuleEngine(book: book).findings(in: facts, sections: []).first { $0.code == "led.lit-while-wlan-down" }
        #expect(finding?.message.contains("WLAN LED blue:wlan-2g, blue:wlan-5g is lit by trigger 'default-on', which") == true,
                "\(finding?.message ?? "no finding")")
    }

    @Test("security wins, then replace, then escalate, then remediable")
    func verdictPrecedence() {
        func finding(_ verdict: Verdict, security: Bool = false) -> Finding {
            Finding(component: .wlan, code: "x", severity: .warning, message: "", verdict: verdict, isSecurity: security, ruleID: "r")
        }
        #expect(VerdictPolicy.verdict(for: []) == .healthy)
        #expect(VerdictPolicy.verdict(for: [finding(.healthy)]) == .healthy)
        #expect(VerdictPolicy.verdict(for: [finding(.remediable), finding(.escalate)]) == .escalate)
        #expect(VerdictPolicy.verdict(for: [finding(.escalate), finding(.replace), finding(.remediable)]) == .replace)
        #expect(VerdictPolicy.verdict(for: [finding(.replace), finding(.escalate, security: true)]) == .escalate)
    }
}
