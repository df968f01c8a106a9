import Foundation
import Testing
import TriageCore

/// Secrets stay on the device: the fixture's Wi-Fi keys, RADIUS secret, PPPoE and other
/// passwords never appear in what the probes print, under any shell.
@Suite struct ProbeRedactionTests {
    static let secrets = ["SuperSecretWifiKey123", "RadiusS3cretValue", "SaePassw0rdValue", "PppoePassw0rd!",
                          "LogServerPassw0rd", "4711"]

    @Test(arguments: FixtureDevice.shells)
    func probesPrintNoSecrets(shell: [String]) async throws {
        let device = FixtureDevice(name: "openwrt-two-radios")
        for secret in Self.secrets {
            #expect(try fixtureHolds(secret, device), "the fixture should contain \(secret)")
        }
        var masked = 0
        for script in try ProbeCatalog.bundled().scripts {
            let run = try await device.run(script, shell: shell)
            let raw = String(decoding: run.raw, as: UTF8.self)
            for secret in Self.secrets {
                #expect(!raw.contains(secret), "\(script.name) printed \(secret)")
            }
            masked += raw.components(separatedBy: "***").count - 1
        }
        #expect(masked == Self.secrets.count)
    }

    @Test func controllerMasksWhatSlipsThrough() {
        let text = """
            {"ssid": "x", "key": "abc\\"def", "psk": 12345678, "auth_secret":"r"}
            \t\t"password": "pw",
            wireless.default_radio0.key='s3cret'
            system.@led[0].trigger='netdev'
            network.wan.password='p p=q'
            """
        let redacted = Redaction.redact(text: text)
        for secret in ["abc", "12345678", "\"r\"", "pw", "s3cret", "p p=q"] {
            #expect(!redacted.contains(secret), "\(secret) in \(redacted)")
        }
        #expect(redacted.contains("system.@led[0].trigger='netdev'"))
        #expect(redacted.contains("wireless.default_radio0.key='\(Redaction.mask)'"))
        #expect(Redaction.redact(text: redacted) == redacted)
    }

    private func fixtureHolds(_ secret: String, _ device: FixtureDevice) throws -> Bool {
        let files = ["ubus call network.wireless status", "ubus call network.interface dump", "uci -q show system"]
        return files.contains { device.cannedOutput($0)?.contains(secret) == true }
    }
}
