import Foundation
import Logging
import Testing
import TriageCore
import TriageTestSupport

/// Issue 10, item 4: a picture that is partial (evidence a healthy judgement needs is missing,
/// though every probe finished) or contradictory (sources that cannot both be true) is escalated
/// with what is missing, never called healthy — over the in-memory transport, rules and all.
@Suite("Partial or contradictory pictures are escalated, never healthy")
struct PartialPictureTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let identity = ProbedDevice(id: "cpe-partial", host: "memory", endpoint: "memory:22")

    /// Diagnoses the healthy scenario's sections after `change`, with `rules` (the shipped ones by default).
    func diagnose(rules: RuleBook? = nil, _ change: (inout [String: [ProbeSection]]) -> Void) async throws
        -> (diagnosis: Diagnosis, facts: JSONValue) {
        var sections = try await HealthySections.shared.byProbe()
        change(&sections)
        let catalog = try ProbeCatalog.bundled()
        let transport = InMemoryProbeTransport(device: InMemoryDevice(sections: sections), catalog: catalog)
        let runner = ProbeRunner(catalog: catalog, retry: ConnectRetryPolicy(attempts: 1, spacing: .zero))
        let outcome = await runner.run(on: identity, through: transport, logger: logger)
        #expect(outcome.isComplete, "every probe finished: the gap is in what they brought")
        let diagnoser = Diagnoser(rules: try rules ?? RuleBook.load())
        return try diagnoser.requireDiagnosis(outcome, request: .init(requestedBy: "test"))
    }

    /// Replaces (or adds) the command section `subject` of `probe`.
    static func set(_ sections: inout [String: [ProbeSection]], _ probe: String, _ subject: String, output: String,
                    exitCode: Int = 0, errorOutput: String = "") {
        var list = sections[probe] ?? []
        list.removeAll { $0.subject == subject }
        list.append(ProbeSection(kind: .command, subject: subject, output: output, exitCode: exitCode, errorOutput: errorOutput))
        sections[probe] = list
    }

    /// Makes the file section `subject` of `probe` absent.
    static func absent(_ sections: inout [String: [ProbeSection]], _ probe: String, _ subject: String) {
        sections[probe]?.removeAll { $0.subject == subject }
        sections[probe, default: []].append(ProbeSection(kind: .file, subject: subject, output: "", isAbsent: true))
    }

    static func status(_ state: String) -> String { #"{"status": "\#(state)", "freq": 5180, "channel": 36}"# }

    @Test("the untouched healthy scenario: complete evidence, no contradiction, healthy")
    func healthyStaysHealthy() async throws {
        let (diagnosis, facts) = try await diagnose { _ in }
        #expect(diagnosis.verdict == .healthy, "\(diagnosis.rulesFired)")
        #expect(facts["probes"]?["evidenceMissing"] == .array([]))
        #expect(facts["probes"]?["contradictions"] == .array([]))
        // The scenario's own limits and states came through the real probes (BusyBox, protocol 2).
        let zone = facts["system"]?["temperatures"]?.array?.first
        #expect(zone?["type"] == .string("cpu-thermal") && zone?["pastCritical"] == .bool(false))
        #expect(zone?["criticalCelsius"]?.double == 120)
        #expect(facts["wlan"]?["hostapd"]?.array?.map { $0["state"] } == [.string("ENABLED"), .string("ENABLED")])
        #expect(facts["system"]?["reboots"]?["watchdogReset"] == .bool(false))
    }

    @Test("no readable log (logread and dmesg missing): escalated, naming the log")
    func noLog() async throws {
        let (diagnosis, facts) = try await diagnose { sections in
            Self.set(&sections, "system", "logread -l 300", output: "", exitCode: 127, errorOutput: "sh: logread: not found")
            Self.set(&sections, "system", "dmesg", output: "", exitCode: 127, errorOutput: "sh: dmesg: not found")
        }
        #expect(diagnosis.verdict == .escalate)
        #expect(diagnosis.rulesFired == ["evidence-missing"], "\(diagnosis.rulesFired)")
        #expect(facts["probes"]?["evidenceMissing"] == .array([.string("the system log (logread -l 300 or dmesg)")]))
        #expect(diagnosis.findings.first?.message.contains("the system log") == true)
    }

    @Test("an empty log is no log: a running device always logs its boot")
    func emptyLog() async throws {
        let (diagnosis, _) = try await diagnose { sections in
            Self.set(&sections, "system", "logread -l 300", output: "")
        }
        #expect(diagnosis.verdict == .escalate && diagnosis.rulesFired == ["evidence-missing"])
    }

    @Test("every wireless source failed (ubus and iw answer with errors): escalated")
    func noWirelessState() async throws {
        let (diagnosis, _) = try await diagnose { sections in
            Self.set(&sections, "wlan", "iw dev", output: "", exitCode: 1, errorOutput: "nl80211 not found.")
            Self.set(&sections, "wlan", "iwinfo", output: "", exitCode: 127)
            Self.set(&sections, "wlan", "ubus call network.wireless status", output: "", exitCode: 4,
                     errorOutput: "Command failed: Resource not found")
            Self.absent(&sections, "wlan", "/sys/class/ieee80211/")
        }
        #expect(diagnosis.verdict == .escalate && diagnosis.rulesFired == ["evidence-missing"], "\(diagnosis.rulesFired)")
    }

    @Test("a BusyBox device without iw, iwinfo or ubus is judged on the kernel's radio listing, not escalated for it")
    func sysfsOnlyWireless() async throws {
        let (diagnosis, facts) = try await diagnose { sections in
            for subject in ["iw dev", "iwinfo", "ubus call network.wireless status", "ubus list"] {
                Self.set(&sections, "wlan", subject, output: "", exitCode: 127, errorOutput: "sh: not found")
            }
            sections["wlan"]?.removeAll { $0.subject.hasPrefix("ubus call hostapd.") || $0.subject.hasPrefix("iw dev ") }
        }
        #expect(facts["probes"]?["evidenceMissing"] == .array([]))
        #expect(!diagnosis.rulesFired.contains("evidence-missing"), "\(diagnosis.rulesFired)")
    }

    @Test("netifd says a radio is up while hostapd says its access points are stopped: the rule that explains it decides, never healthy")
    func radioUpButHostapdStopped() async throws {
        let healthy = try await HealthySections.shared.byProbe()
        let objects = (healthy["wlan"] ?? []).compactMap { section -> String? in
            let words = section.subject.split(separator: " ")
            return words.count == 4 && words[3] == "get_clients" ? String(words[2]) : nil
        }
        try #require(!objects.isEmpty, "the healthy scenario serves hostapd objects")
        let (diagnosis, facts) = try await diagnose { sections in
            for object in objects {
                Self.set(&sections, "wlan", "ubus call \(object) get_status", output: Self.status("DISABLED"))
            }
        }
        // Rules/wlan.yaml's wlan-hostapd-not-serving explains this contradiction (a remediable fault),
        // so facts-contradict stays quiet; the contradiction is still a fact for whoever reads the case.
        #expect(diagnosis.verdict == .remediable && diagnosis.rulesFired == ["wlan-hostapd-not-serving"], "\(diagnosis.rulesFired)")
        let contradictions = facts["probes"]?["contradictions"]?.array ?? []
        #expect(!contradictions.isEmpty && contradictions.allSatisfy { $0.string?.contains("DISABLED") == true })
    }

    @Test("hostapd ENABLED everywhere agrees with netifd: still healthy")
    func hostapdEnabledAgrees() async throws {
        let (diagnosis, _) = try await diagnose { sections in
            for section in sections["wlan"] ?? [] where section.subject.hasSuffix(" get_clients") {
                let object = section.subject.split(separator: " ")[2]
                Self.set(&sections, "wlan", "ubus call \(object) get_status", output: Self.status("ENABLED"))
            }
        }
        #expect(diagnosis.verdict == .healthy, "\(diagnosis.rulesFired)")
    }

    @Test("hostapd runs an interface the kernel does not list: escalated")
    func hostapdOnAMissingInterface() async throws {
        let (diagnosis, facts) = try await diagnose { sections in
            Self.set(&sections, "wlan", "ubus call hostapd.wlan7 get_status", output: Self.status("ENABLED"))
        }
        #expect(diagnosis.verdict == .escalate && diagnosis.rulesFired == ["facts-contradict"])
        #expect(facts["probes"]?["contradictions"] == .array([.string("hostapd reports wlan7 ENABLED, but iw dev does not list it")]))
    }

    @Test("without the evidence rules (an operator's folder that lacks them), the policy still refuses healthy")
    func policyHoldsWithoutTheRules() async throws {
        let (diagnosis, _) = try await diagnose(rules: RuleBook(rules: [])) { sections in
            Self.set(&sections, "system", "logread -l 300", output: "")
        }
        #expect(diagnosis.findings.isEmpty && diagnosis.verdict == .escalate)
    }

    @Test("the policy: partial pictures are never healthy, and never weaken a stronger verdict")
    func policy() {
        func finding(_ verdict: Verdict) -> Finding {
            Finding(component: .wlan, code: "x", severity: .warning, message: "", verdict: verdict, isSecurity: false, ruleID: "r")
        }
        #expect(VerdictPolicy.verdict(for: [], partialPicture: true) == .escalate)
        #expect(VerdictPolicy.verdict(for: [finding(.healthy)], partialPicture: true) == .escalate)
        #expect(VerdictPolicy.verdict(for: [], partialPicture: false) == .healthy)
        #expect(VerdictPolicy.verdict(for: [finding(.replace)], partialPicture: true) == .replace)
        #expect(VerdictPolicy.verdict(for: [finding(.remediable)], partialPicture: true) == .remediable)
    }
}
