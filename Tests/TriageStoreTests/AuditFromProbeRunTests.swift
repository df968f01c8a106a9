import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

@Suite("Audit entries from probe runs")
struct AuditFromProbeRunTests {
    static func device(_ id: String) -> ProbedDevice {
        ProbedDevice(id: id, host: "127.0.0.9", endpoint: "127.0.0.9:22")
    }

    @Test("A run cut short: what ran, the probes' SHA-256s, how each ended, and who asked")
    func incompleteRun() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-audit")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let started = Date(timeIntervalSince1970: 1_790_000_000)
        let timeout = TransportFailure(.deadlineExceeded, endpoint: "127.0.0.9:22", step: .command, detail: "probe link ran past 30 s", remedy: "")
        let outcome = ProbeRunOutcome(
            device: Self.device("cpe-audit-run"), startedAt: started, duration: .milliseconds(31_500), connectAttempts: 2,
            probes: [
                ProbeRunRecord(name: "wlan", sha256: "aa11", reading: ProbeReading(isComplete: true), exitStatus: 0,
                               isTruncated: false, failure: nil, shellErrors: ""),
                ProbeRunRecord(name: "link", sha256: "bb22", reading: ProbeReading(), exitStatus: nil,
                               isTruncated: false, failure: timeout, shellErrors: ""),
            ],
            probesNotRun: ["led", "system"])
        let diagnosis = SampleDiagnoses.make(.escalate, device: "cpe-audit-run", originTicket: "4711")
        _ = try await StoreTestPaths.recorder(database).record(diagnosis, outcome: outcome, act: true)

        let entry = try #require(try await database.auditLog(deviceID: "cpe-audit-run").first)
        #expect(entry.requestedBy == "ticket:4711" && entry.host == "127.0.0.9")
        #expect(entry.outcome == .incomplete && entry.connectAttempts == 2)
        #expect(entry.probeSHA256 == ["wlan": "aa11", "link": "bb22"])
        #expect(abs(entry.endedAt.timeIntervalSince(entry.startedAt) - 31.5) < 0.01)
        #expect(entry.probes.map(\.name) == ["wlan", "link", "led", "system"])
        #expect(entry.probes[1].failure?.contains("deadline-exceeded at command") == true)
        #expect(entry.probes[2].notRun && entry.probes[3].notRun)
        #expect(entry.diagnosisID == diagnosis.id.uuidString.lowercased())
    }

    @Test("A device that could not be reached is on record without a diagnosis")
    func connectionFailed() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-audit")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let refused = TransportFailure(.connectionRefused, endpoint: "127.0.0.9:22", step: .connect, detail: "connection refused", remedy: "")
        let outcome = ProbeRunOutcome(device: Self.device("cpe-unreachable"), startedAt: Date(), connectAttempts: 3,
                                      connectionFailure: refused, probesNotRun: ["wlan", "link", "led", "system"])
        try await StoreTestPaths.recorder(database).recordAudit(outcome, requestedBy: "bob")
        let entry = try #require(try await database.auditLog(deviceID: "cpe-unreachable").first)
        #expect(entry.outcome == .connectionFailed && entry.failure == "connection-refused at connect: connection refused")
        #expect(entry.diagnosisID == nil && entry.requestedBy == "bob")
    }
}
