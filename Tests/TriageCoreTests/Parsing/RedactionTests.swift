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

    @Test func masksAssignmentsInTheMiddleOfLogLines() {
        let text = """
            Mon Nov 18 09:12:01 2026 daemon.notice hostapd: wlan0: wpa_passphrase=hunter2 hunter3
            Mon Nov 18 09:12:02 2026 user.info netifd: radio0 key='s3cr3t' set, channel=36
            Mon Nov 18 09:12:03 2026 daemon.err pppd[1234]: login with password="pa ss" failed\r
            Mon Nov 18 09:12:04 2026 daemon.info dnsmasq: keyid=4 pin= channel=6 monkey=banana
            """
        let redacted = Redaction.redact(text: text)
        for secret in ["hunter2", "hunter3", "s3cr3t", "pa ss"] {
            #expect(!redacted.contains(secret), "\(secret) in \(redacted)")
        }
        #expect(redacted.contains("hostapd: wlan0: wpa_passphrase=<redacted>\n"), "a passphrase may hold spaces: masked to the line end")
        #expect(redacted.contains("radio0 key='<redacted>' set, channel=36"))
        #expect(redacted.contains("login with password=\"<redacted>\" failed\r\n"))
        #expect(redacted.contains("keyid=4 pin= channel=6 monkey=banana"), "other names and empty values stay")
    }

    @Test func masksJSONContainersEscapedNamesAndAssignmentsInStrings() {
        let text = #"""
            {
              "ssid": "Home",
              "key": [
                "array-secret-1",
                array-secret-bare
              ],
              "k\u0065y": "escaped-secret",
              "PASS\u0057ORD":
                "next-line-secret",
              "auth": { "password": "nested", "sae_password": ["x1", 42], "wpa_psk": null },
              "note": "set psk=inline-secret please",
              "encryption": "psk2"
            }
            """#
        let redacted = Redaction.redact(text: text)
        for secret in ["array-secret", "escaped-secret", "next-line-secret", "nested", "x1", "42", "inline-secret"] {
            #expect(!redacted.contains(secret), "\(secret) in \(redacted)")
        }
        #expect(redacted.contains(#""ssid": "Home""#) && redacted.contains(#""encryption": "psk2""#))
        #expect(redacted.contains(#""note": "set psk=<redacted>","#), "inside a JSON string the mask ends at its quote")
        #expect(redacted.contains(#""wpa_psk": null"#), "null says: no key set")
        let parsed = LenientJSON.parse(redacted)
        #expect(parsed.isComplete, "\(parsed.problems)")
    }

    @Test func brokenJSONKeepsItsStructure() {
        // No value: the separators stay. A value on the next line is a value (here the device cut
        // the line after "key":, so what follows is taken for its value: masking errs on the safe side).
        let text = #"{"key": , "psk": }, "key":"# + "\n" + #""ssid": "x", "password": "unterminated"#
        #expect(Redaction.redact(text: text) == #"{"key": , "psk": }, "key":"# + "\n" + #""<redacted>": "x", "password": "<redacted>""#)
    }

    @Test func aSecretArrayIsNotEchoedInParseWarnings() {
        let output = """
            {
              "radio0": { "up": true, "interfaces": [ { "ifname": "wlan0", "config": { "mode": "ap", "ssid": "Home",
                "key": [
                  87654321s3cr3t
                ] } } ] }
            }
            """
        let section = ProbeSection(kind: .command, subject: "ubus call network.wireless status", output: output, exitCode: 0)
        let facts = DeviceFacts(sections: Redaction.redact([section]))
        #expect(!facts.warnings.map(\.description).joined().contains("87654321"), "\(facts.warnings)")
        #expect(!Redaction.redact(section).output.contains("87654321s3cr3t"))
    }

    @Test func aFourMegabyteLineCostsOnePass() {
        // An unterminated value the device cut off, as in a flooded log: the mask runs to the end of its line.
        let secret = String(repeating: "a", count: 3_900_000)
        let text = "hostapd: config {\"key\": \"" + secret + "\nnext line key=" + secret + "\n"
        let redacted = Redaction.redact(text: text)
        #expect(redacted == "hostapd: config {\"key\": \"<redacted>\"\nnext line key=<redacted>\n")
    }
}
