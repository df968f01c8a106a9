public import Foundation
public import TriageCore

/// Diagnoses as `triage diagnose` builds them, for the store and action tests: one per verdict,
/// with findings and redacted evidence taken from the WLAN fault scenarios.
public enum SampleDiagnoses {
    public static func make(_ verdict: Verdict, device: String = "cpe-\(UUID().uuidString.prefix(8).lowercased())",
                            originTicket: String? = nil, startedAt: Date = Date()) -> Diagnosis {
        let summary = DeviceSummary(id: device, host: "127.0.0.1", model: "TP-Link Archer C7 v5", firmware: "OpenWrt 23.05.3",
                                    serial: "SIM-0001", customer: "C-4711")
        return Diagnosis(device: summary, requestedBy: originTicket.map { "ticket:\($0)" } ?? "alice", originTicket: originTicket,
                         startedAt: startedAt, durationMilliseconds: 2_340, verdict: verdict, findings: findings(for: verdict),
                         rulesFired: findings(for: verdict).map(\.ruleID), probeSHA256: ["wlan": String(repeating: "ab", count: 32)],
                         sections: sections, warnings: [])
    }

    public static let sections: [ProbeSection] = [
        ProbeSection(kind: .command, subject: "iw dev", output: "", exitCode: 0, durationMilliseconds: 4),
        ProbeSection(kind: .command, subject: "logread -l 300", output: """
            Mon Nov 18 09:12:01 2026 kern.err kernel: [   12.345678] ath10k_pci 0000:01:00.0: failed to fetch board data for bus=pci,vendor=168c (-2)
            Mon Nov 18 09:12:01 2026 kern.err kernel: [   12.345901] ath10k_pci 0000:01:00.0: could not probe fw (-2)
            """, exitCode: 0, durationMilliseconds: 31),
        ProbeSection(kind: .file, subject: "/etc/config/wireless", output: "option key '***'", isAbsent: false),
    ]

    static func findings(for verdict: Verdict) -> [Finding] {
        switch verdict {
        case .replace:
            [Finding(component: .wlan, code: "wlan.phy-missing", severity: .critical,
                     message: "No radio: the Wi-Fi hardware did not come up (driver probe failed)", verdict: .replace,
                     evidence: [Evidence(section: "logread -l 300", lines: ["ath10k_pci 0000:01:00.0: could not probe fw (-2)"])],
                     ruleID: "wlan.phy-missing")]
        case .escalate:
            [Finding(component: .link, code: "link.dsl-down-network-side", severity: .critical,
                     message: "DSL line down on the network side", verdict: .escalate,
                     evidence: [Evidence(section: "ubus call dsl metrics", lines: ["\"state\": \"Down\""])], ruleID: "link.dsl-network")]
        case .remediable:
            [Finding(component: .wlan, code: "wlan.radio-disabled", severity: .warning, message: "Radio disabled in the configuration",
                     verdict: .remediable, remedy: "uci set wireless.radio0.disabled=0; wifi", ruleID: "wlan.radio-disabled")]
        case .healthy:
            []
        }
    }

    /// The diagnosis as JSON, as `triage store record` reads it.
    public static func json(_ diagnosis: Diagnosis) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(diagnosis)
    }
}
