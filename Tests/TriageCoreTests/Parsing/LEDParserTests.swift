import Testing
import TriageCore

@Suite struct LEDParserTests {
    @Test(arguments: [
        ("green:wlan", nil, "green", "wlan"),
        ("apu2:green:power", "apu2", "green", "power"),
        ("rt2800pci-phy0::radio", "rt2800pci-phy0", nil, "radio"),
        ("mdio-bus:00:green:lan", "mdio-bus:00", "green", "lan"),
        ("tp-link:blue:wps", "tp-link", "blue", "wps"),
        ("led0", nil, nil, "led0"),
        (":", nil, nil, nil),
    ] as [(String, String?, String?, String?)])
    func namesSplitIntoDeviceColourFunction(name: String, device: String?, colour: String?, function: String?) {
        let led = LED(name: name)
        #expect(led.device == device)
        #expect(led.colour == colour)
        #expect(led.function == function)
    }

    @Test func triggerFileEdgeCases() {
        let empty = LEDTriggerParser.parse("", subject: "t")
        #expect(empty.value.active == nil)
        #expect(empty.warnings.map(\.message) == ["empty trigger file"])
        let noBrackets = LEDTriggerParser.parse("none timer netdev\n", subject: "t")
        #expect(noBrackets.value.active == nil)
        #expect(noBrackets.value.available == ["none", "timer", "netdev"])
        #expect(noBrackets.warnings.count == 1)
        let truncated = LEDTriggerParser.parse("none [timer] net", subject: "t")
        #expect(truncated.value.active == "timer")
        let garbled = LEDTriggerParser.parse("[] [a] [b] \u{0}", subject: "t")
        #expect(garbled.value.active == "a")
        #expect(garbled.warnings.count == 1)
    }

    @Test func uciShowSystemKeepsOnlyLEDSections() {
        let text = """
            system.@system[0]=system
            system.@system[0].hostname='OpenWrt'
            system.ntp=timeserver
            system.ntp.server='0.openwrt.pool.ntp.org' '1.openwrt.pool.ntp.org'
            system.led_wlan=led
            system.led_wlan.name='WLAN'
            system.led_wlan.sysfs='green:wlan'
            system.led_wlan.trigger='phy0tpt'
            system.@led[0]=led
            system.@led[0].name='LAN'
            system.@led[0].sysfs='green:lan'
            system.@led[0].trigger='netdev'
            system.@led[0].dev='eth0.1'
            system.@led[0].mode='link tx rx'
            system.@led[0].default='0'
            system.led_it=led
            system.led_it.name='it'\\''s'
            system.led_it.default=1
            """
        let result = UCISystemLEDParser.parse(text)
        #expect(result.warnings.isEmpty)
        #expect(result.value.map(\.section) == ["led_wlan", "@led[0]", "led_it"])
        #expect(result.value.first?.trigger == "phy0tpt")
        let lan = result.value.dropFirst().first
        #expect(lan?.device == "eth0.1")
        #expect(lan?.mode == "link tx rx")
        #expect(lan?.defaultOn == false)
        #expect(result.value.last?.name == "it's")
        #expect(result.value.last?.defaultOn == true)
    }

    @Test func uciShowSystemEmptyTruncatedGarbled() {
        #expect(UCISystemLEDParser.parse("").value.isEmpty)
        let truncated = UCISystemLEDParser.parse("system.led_wlan=led\nsystem.led_wlan.sysfs='green:wl")
        #expect(truncated.value.first?.sysfs == "green:wl")
        let garbled = UCISystemLEDParser.parse("uci: Entry not found\n=x\nsystem.=led\n\u{1}\u{2}")
        #expect(garbled.value.isEmpty)
        #expect(garbled.warnings.count == 4)
    }

    @Test func factsCombineSysfsAndConfiguration() {
        let sections = [
            ProbeSection(kind: .file, subject: "/sys/class/leds/green:wlan/brightness", output: "255\n"),
            ProbeSection(kind: .file, subject: "/sys/class/leds/green:wlan/max_brightness", output: "255\n"),
            ProbeSection(kind: .file, subject: "/sys/class/leds/green:wlan/trigger", output: "none [phy0radio] phy0tpt\n"),
            ProbeSection(kind: .file, subject: "/sys/class/leds/red:power/brightness", output: "0\n"),
            ProbeSection(kind: .file, subject: "/sys/class/leds/red:power/max_brightness", output: "", isAbsent: true),
            ProbeSection(kind: .file, subject: "/sys/class/leds/red:power/trigger", output: "garbage?"),
            ProbeSection(kind: .file, subject: "/sys/class/leds/amber:lan/brightness", output: "bright"),
            ProbeSection(kind: .command, subject: "uci -q show system",
                         output: "system.led_wlan=led\nsystem.led_wlan.sysfs='green:wlan'\nsystem.led_wlan.trigger='phy0tpt'\n",
                         exitCode: 0),
            ProbeSection(kind: .file, subject: "/sys/class/net/eth0/carrier", output: "1\n"),
        ]
        var warnings: [ParseWarning] = []
        let facts = LEDFacts(sections: sections, warnings: &warnings)
        #expect(facts.leds.map(\.name) == ["green:wlan", "red:power", "amber:lan"])
        let wlan = facts.leds.first
        #expect(wlan?.brightness == 255)
        #expect(wlan?.maxBrightness == 255)
        #expect(wlan?.isLit == true)
        #expect(wlan?.activeTrigger == "phy0radio")
        #expect(wlan?.configuredTrigger == "phy0tpt")
        #expect(facts.leds.dropFirst().first?.isLit == false)
        #expect(facts.leds.dropFirst().first?.maxBrightness == nil)
        #expect(facts.leds.last?.brightness == nil)
        #expect(facts.configured?.count == 1)
        #expect(warnings.map(\.section) == ["/sys/class/leds/red:power/trigger", "/sys/class/leds/amber:lan/brightness"])
    }

    @Test func noUCISectionMeansNoConfiguration() {
        var warnings: [ParseWarning] = []
        let missingTool = ProbeSection(kind: .command, subject: "uci -q show system", output: "", exitCode: 127)
        let facts = LEDFacts(sections: [missingTool], warnings: &warnings)
        #expect(facts.configured == nil)
        #expect(facts.leds.isEmpty)
        #expect(warnings.isEmpty)
    }
}
