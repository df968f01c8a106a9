import Foundation
import Testing

@testable import TriageCore

@Suite struct DSLMetricsParserTests {
    private func parse(_ text: String) -> (DSLStatus?, [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let status = DSLMetricsParser.parse(text, subject: "ubus call dsl metrics").value(addingWarningsTo: &warnings)
        return (status, warnings)
    }

    @Test func syncedVDSL2Line() {
        let (status, warnings) = parse(
            """
            {
                "api_version": "4.17.18.6", "firmware_version": "5.8.1.5.0.7", "chipset": "Lantiq-VRX200",
                "state": "Showtime with TC-Layer sync", "state_num": 7, "up": true, "uptime": 3605,
                "atu_c": { "vendor": "Broadcom 194.102", "system_vendor": "Broadcom 194.102" },
                "power_state": "L0 - Synchronized", "power_state_num": 0,
                "annex": "B", "standard": "G.993.2", "mode": "G.993.2 (VDSL2, Profile 17a, with down- and upstream vectoring)",
                "profile": "17a", "line_mode": "VDSL",
                "upstream": { "vector": true, "data_rate": 31999000, "latn": 8.3, "satn": 8.1, "snr": 11.2,
                              "actatp": 6.3, "attndr": 45184000 },
                "downstream": { "vector": true, "data_rate": 116797000, "latn": 13.4, "satn": 13.4, "snr": 9.6,
                                "actatp": 12.9, "attndr": 124320000 }
            }
            """)
        #expect(warnings.isEmpty)
        #expect(
            status
                == DSLStatus(
                    state: "Showtime with TC-Layer sync", stateNumber: 7, isUp: true, uptimeSeconds: 3605,
                    mode: "G.993.2 (VDSL2, Profile 17a, with down- and upstream vectoring)", standard: "G.993.2",
                    annex: "B",
                    profile: "17a", chipset: "Lantiq-VRX200", firmwareVersion: "5.8.1.5.0.7",
                    remoteVendor: "Broadcom 194.102",
                    downstream: DSLDirection(
                        dataRateBitsPerSecond: 116_797_000, attainableRateBitsPerSecond: 124_320_000, snrMarginDB: 9.6,
                        attenuationDB: 13.4),
                    upstream: DSLDirection(
                        dataRateBitsPerSecond: 31_999_000, attainableRateBitsPerSecond: 45_184_000, snrMarginDB: 11.2,
                        attenuationDB: 8.3)))
    }

    @Test func lineDownHasNoDirections() {
        let (status, warnings) = parse(#"{ "state": "Silent", "state_num": 2, "up": false }"#)
        #expect(warnings.isEmpty)
        #expect(status == DSLStatus(state: "Silent", stateNumber: 2, isUp: false))
    }

    @Test func emptyTruncatedAndGarbled() {
        let (empty, emptyWarnings) = parse("")
        #expect(empty == nil && emptyWarnings.count == 1)
        let (cut, cutWarnings) = parse(
            #"{ "state": "Showtime with TC-Layer sync", "up": true, "downstream": { "data_rate": 1167"#)
        #expect(cut?.state == "Showtime with TC-Layer sync" && cut?.isUp == true)
        #expect(!cutWarnings.isEmpty)
        let (garbled, garbledWarnings) = parse(#"[ "state", 7 ]"#)
        #expect(garbled == nil)
        #expect(garbledWarnings.last?.message == "the JSON value is not an object")
        let (wrong, wrongWarnings) = parse(#"{ "up": 1, "upstream": [ ], "uptime": -1.5 }"#)
        #expect(wrong == DSLStatus())
        #expect(wrongWarnings.count == 3)
    }

    /// A number too large for a Double would be infinity, which JSONEncoder refuses: it must not reach the facts.
    @Test func overflowingNumbersAreWarningsNotInfinity() throws {
        let (status, warnings) = parse(#"{ "downstream": { "snr": 1e999, "latn": -1e999 }, "uptime": 1e999 }"#)
        #expect(status?.downstream?.snrMarginDB == nil && status?.downstream?.attenuationDB == nil)
        #expect(status?.uptimeSeconds == nil)
        #expect(!warnings.isEmpty)
        let facts = DeviceFacts(sections: [
            ProbeSection(
                kind: .command, subject: "ubus call dsl metrics", output: #"{"upstream": {"snr": 1e999}}"#, exitCode: 0),
            ProbeSection(
                kind: .command, subject: "ubus call system info", output: #"{"load": [1e999, 1, 1]}"#, exitCode: 0),
        ])
        _ = try JSONEncoder().encode(facts)
    }
}
