import Testing
import TriageCore

@Suite struct RedactionTests {
    @Test func masksJSONSecrets() {
        let text = #"{"ssid": "Home", "key": "12345678", "sae_password": "p\"w", "auth_secret": "s", "encryption": "psk2", "key_mgmt": "x"}"#
        let redacted = Redaction.redact(text: text)
        #expect(!redacted.contains("12345678"))
        #expect(!redacted.contains(#"p\"w"#))
        #expect(redacted.contains(#""key": "<redacted>""#))
        #expect(redacted.contains(#""auth_secret": "<redacted>""#))
        #expect(redacted.contains(#""ssid": "Home""#))
        #expect(redacted.contains(#""key_mgmt": "x""#))
        #expect(LenientJSON.parse(redacted).isComplete)
    }

    @Test func masksUCIShowAndConfigLines() {
        let text = """
            wireless.default_radio0.ssid='OpenWrt'
            wireless.default_radio0.key='secret key'
            wireless.guest.key=''
            network.wan.password='hunter2'
            network.wan.username='user'
            config wifi-iface 'default_radio0'
            \toption key '12345678'
            \tlist sae_password 'abc'
            \toption ssid 'OpenWrt'
            """
        let redacted = Redaction.redact(text: text)
        #expect(!redacted.contains("secret key"))
        #expect(!redacted.contains("hunter2"))
        #expect(!redacted.contains("12345678"))
        #expect(!redacted.contains("'abc'"))
        #expect(redacted.contains("wireless.default_radio0.key='<redacted>'"))
        #expect(redacted.contains("wireless.guest.key=''"), "an empty key says 'no key set' and stays")
        #expect(redacted.contains("network.wan.username='user'"))
        #expect(redacted.contains("\toption key '<redacted>'"))
        #expect(redacted.contains("option ssid 'OpenWrt'"))
    }

    @Test func masksHostapdAndSupplicantAssignments() {
        let text = "ssid=Home\nwpa_passphrase=12345678\n\tpsk=\"abcdefgh\"\nauth_server_shared_secret=radius\nwpa_key_mgmt=WPA-PSK\n"
        let redacted = Redaction.redact(text: text)
        #expect(redacted == "ssid=Home\nwpa_passphrase=<redacted>\n\tpsk=<redacted>\nauth_server_shared_secret=<redacted>\nwpa_key_mgmt=WPA-PSK\n")
    }

    @Test func leavesOrdinaryOutputAlone() throws {
        let text = try WLANParserRobustnessTests.corpus("iw-dev/protectli-vp2430-qca6174-phy0-ap0-txq.txt")
        #expect(Redaction.redact(text: text) == text)
        let section = ProbeSection(kind: .command, subject: "iw dev", output: text, exitCode: 0)
        #expect(Redaction.redact(section) == section)
    }

    @Test func redactsTheCorpusWirelessStatus() throws {
        let text = try WLANParserRobustnessTests.corpus(
            "ubus-network-wireless-status/xiaomi-ax6000-3radios-radio2-up-no-iface.txt")
        let section = ProbeSection(kind: .command, subject: "ubus call network.wireless status", output: text)
        let redacted = Redaction.redact([section]).first
        #expect(redacted?.output.contains("12345678") == false)
        #expect(redacted?.subject == section.subject)
        let radios = NetworkWirelessStatusParser.parse(redacted?.output ?? "")
        #expect(radios.value.count == 3)
        #expect(radios.warnings.isEmpty)
    }
}
