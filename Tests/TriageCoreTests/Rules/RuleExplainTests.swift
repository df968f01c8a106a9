import Foundation
import Testing
import TriageCore
import TriageTestSupport

/// `triage rules explain`'s core: every rule, fired or not, and for one that did not, the part of
/// its condition that was false with the facts it read; and a message that names nothing.
@Suite("Rule explanations")
struct RuleExplainTests {
    let facts: JSONValue = LenientJSON.parse("""
        {"wlan": {"radios": [{"name": "radio0", "up": false, "disabled": false},
                             {"name": "radio1", "up": true, "disabled": false}]},
         "system": {"load": 1.5}}
        """).value ?? .null

    func book() throws -> RuleBook {
        let folder = try TemporaryDirectory(prefix: "triage-explain-rules")
        defer { folder.remove() }
        try """
            rules:
              - id: radio-down
                title: A radio is down
                component: wlan
                when: any(wlan.radios, up == false)
                code: t.radio-down
                message: "Radio {{ where(wlan.radios, up == false).name }} is down."
                verdict: escalate
                remedy: Look.
                tests: [{facts: {wlan: {radios: [{up: true, disabled: false}]}}, fires: false}]
              - id: down-and-loaded
                title: A radio is down while the system is loaded
                component: wlan
                when: wlan.radios[*].up == false and system.load > 4
                code: t.down-and-loaded
                message: Loaded.
                verdict: escalate
                remedy: Look.
                tests: [{facts: {wlan: {radios: [{up: true, disabled: false}]}}, fires: false}]
              - id: either
                title: Disabled or no radios
                component: wlan
                when: wlan.radios[*].disabled == true or not exists(wlan.radios)
                code: t.either
                message: Either.
                verdict: escalate
                remedy: Look.
                tests: [{facts: {wlan: {radios: [{up: true, disabled: false}]}}, fires: false}]
              - id: some-disabled
                title: A radio is disabled
                component: wlan
                when: any(wlan.radios, disabled == true)
                code: t.some-disabled
                message: Disabled.
                verdict: escalate
                remedy: Look.
                tests: [{facts: {wlan: {radios: [{up: true, disabled: false}]}}, fires: false}]
              - id: names-nothing
                title: hostapd failed
                component: wlan
                when: any(wlan.radios, up == false)
                code: t.hostapd
                message: "hostapd could not start on radio {{ where(wlan.radios, hostapdFailed == true).name }}"
                verdict: escalate
                remedy: Look.
                tests: [{facts: {wlan: {radios: [{up: true, disabled: false}]}}, fires: false}]
            """.write(to: folder.url.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        return try RuleBook.load(directories: [folder.url])
    }

    func explanation(_ id: String) throws -> RuleExplanation {
        try #require(RuleEngine(book: try book()).explain(facts).first { $0.rule.id == id })
    }

    @Test("a fired rule: its message, no false part")
    func firedRule() throws {
        let fired = try explanation("radio-down")
        #expect(fired.fired)
        #expect(fired.message == "Radio radio0 is down.")
        #expect(fired.falseParts.isEmpty && fired.unnamedParts.isEmpty)
    }

    @Test("a rule that did not fire names the false part of an `and`, with the fact it read, not the true one")
    func falseConjunct() throws {
        let quiet = try explanation("down-and-loaded")
        #expect(!quiet.fired && quiet.message == nil)
        #expect(quiet.falseParts.map(\.condition) == ["system.load > 4"])
        #expect(quiet.falseParts.first?.facts == [FalsePart.Fact(path: "system.load", value: .number(1.5))])
    }

    @Test("a false `or` names both sides, each with its facts")
    func falseDisjunction() throws {
        let quiet = try explanation("either")
        #expect(quiet.falseParts.map(\.condition) == ["wlan.radios[*].disabled == true", "not exists(wlan.radios)"])
        #expect(quiet.falseParts.first?.facts.first?.value == .array([.bool(false), .bool(false)]))
        #expect(quiet.falseParts.last?.facts.first?.path == "wlan.radios")
    }

    @Test("a predicate that found no element: the list, each element cut to its name and the fields the predicate read")
    func falsePredicate() throws {
        let quiet = try explanation("some-disabled")
        #expect(quiet.falseParts.map(\.condition) == ["any(wlan.radios, disabled == true)"])
        let expected = LenientJSON.parse(#"[{"name": "radio0", "disabled": false}, {"name": "radio1", "disabled": false}]"#).value
        #expect(quiet.falseParts.first?.facts == [FalsePart.Fact(path: "wlan.radios", value: try #require(expected))])
    }

    @Test("a message part that finds nothing to name is reported")
    func messageNamingNothing() throws {
        let defective = try explanation("names-nothing")
        #expect(defective.fired)
        #expect(defective.unnamedParts == ["{{ where(wlan.radios, hostapdFailed == true).name }}"])
        #expect(defective.message == "hostapd could not start on radio none")
    }

    @Test("a condition written back as text reads back as the same condition")
    func textRoundTrip() throws {
        for condition in ["any(wlan.radios, up == false and not (name in [\"radio0\", \"radio1\"]))",
                          "count(link.devices, carrier == false) * 2 >= 3 or system.load > 4.5",
                          "wlan.radios[0].name matches \"^ra\\\\d\" and not exists(wlan.rfkill[*])"] {
            let parsed = try ExpressionParser.parse(condition)
            #expect(try ExpressionParser.parse(parsed.text) == parsed, "\(parsed.text)")
        }
    }
}
