import Testing
import TriageCore

@Suite("The condition language")
struct ExpressionTests {
    /// A small fact document in the shape FactDocument makes.
    let facts: JSONValue = LenientJSON.parse("""
        {"wlan": {"phys": ["phy0", "phy1"],
                  "radios": [{"name": "radio0", "up": false, "disabled": true, "interfaces": []},
                             {"name": "radio1", "up": true, "disabled": false, "interfaces": [{"ifname": "wlan1"}]}]},
         "system": {"filesystems": [{"mountPoint": "/overlay", "usePercent": 97}], "log": {"events": []}},
         "led": {"leds": [{"name": "green:wlan", "function": "wlan", "brightness": 255}]}}
        """).value!

    func holds(_ text: String) throws -> Bool {
        ExpressionEvaluator(root: facts).holds(try ExpressionParser.parse(text))
    }

    @Test("paths, predicates, counts and comparisons", arguments: [
        ("wlan.radios[*].disabled == true", true),
        ("any(wlan.radios, up == false)", true),
        ("all(wlan.radios, up == true)", false),
        ("none(wlan.radios, name == \"radio9\")", true),
        ("count(wlan.radios) > count(wlan.phys)", false),
        ("count(wlan.radios, disabled != true and count(interfaces) > 0) == 1", true),
        ("wlan.radios[1].interfaces[0].ifname == 'wlan1'", true),
        ("any(system.filesystems, mountPoint == \"/overlay\" and usePercent >= 95)", true),
        ("exists(link.dsl)", false),
        ("not exists(link.dsl) and empty(system.log.events)", true),
        ("\"phy1\" in wlan.phys", true),
        ("wlan.phys contains \"phy2\"", false),
        ("any(led.leds, function matches \"(?i)WLAN\" and brightness > 0)", true),
        ("any(led.leds, brightness > count(wlan.radios) * 100)", true),
        ("wlan.radios.name contains 'radio1'", true),
        ("wlan.missing.deeper == null", true),
        ("wlan.missing > 3 or wlan.missing < 3", false),
        ("count(distinct([\"a\", \"b\", \"a\", \"a\"])) == 2", true),
        ("distinct(wlan.radios.up)[0] == false and distinct(wlan.radios.up)[1] == true", true),
        ("count(distinct(wlan.missing)) == 0", true),
    ])
    func evaluates(_ text: String, _ expected: Bool) throws {
        #expect(try holds(text) == expected, "\(text)")
    }

    @Test("what cannot be read is reported with its column", arguments: [
        ("wlan.radios.up = false", 15, "compare with '=='"),
        ("anyy(wlan.radios, up)", 0, "unknown function 'anyy'"),
        ("wlna.radios", 0, "unknown fact 'wlna'"),
        ("any(wlan.radios)", 0, "any takes any(list, condition)"),
        ("count(wlan.radios) >", 20, "expected a fact"),
        ("led.leds.name matches \"([\"", 14, "not a valid regular expression"),
        ("wlan.phys contains 'phy0", 19, "no closing"),
    ])
    func syntaxErrors(_ text: String, _ column: Int, _ message: String) {
        do {
            _ = try ExpressionParser.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.offset == column, "\(text): \(error)")
            #expect(error.message.contains(message), "\(text): \(error)")
        }
    }

    @Test func messagesFillInFacts() throws {
        let template = try MessageTemplate("Radio {{ where(wlan.radios, disabled == true).name }} is off; {{ count(wlan.phys) }} phys.")
        #expect(template.render(with: ExpressionEvaluator(root: facts)) == "Radio radio0 is off; 2 phys.")
    }
}
