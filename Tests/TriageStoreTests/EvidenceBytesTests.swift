import Foundation
import GRDB
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// A NUL byte in device output once ended the stored text there (a `df -k` section kept only its
/// header); every byte that was read is on record, and the text people read shows the NUL.
@Suite("Evidence bytes")
struct EvidenceBytesTests {
    static let diskFree = "Filesystem 1K-blocks Used Available Use% Mounted on\n/dev/root 4352 4352 0 100% /rom\0\n"
        + "overlayfs:/overlay 7680 7680 0 100% /overlay\n"
    static let nulLine = "/dev/root 4352 4352 0 100% /rom\0"

    static func diagnosis() -> Diagnosis {
        var diagnosis = SampleDiagnoses.make(.escalate, originTicket: "9001")
        diagnosis.sections.append(ProbeSection(kind: .command, subject: "df -k", output: diskFree, exitCode: 0,
                                               errorOutput: "df: /mnt\0: No such file\nsecond stderr line"))
        diagnosis.findings[0].evidence.append(Evidence(section: "df -k", lines: [nulLine, "overlayfs:/overlay 7680 7680 0 100% /overlay"]))
        return diagnosis
    }

    @Test("Evidence with a NUL byte reads back byte for byte, and the ticket text shows the NUL as ␀")
    func storedWhole() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-nul")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let diagnosis = Self.diagnosis()
        let recorded = try await StoreTestPaths.recorder(database).record(diagnosis, outcome: nil, act: true)

        let stored = try #require(try await database.diagnosis(id: recorded.diagnosisID))
        let section = try #require(stored.evidence.first { $0.subject == "df -k" })
        #expect(Array(section.output.utf8) == Array(Self.diskFree.utf8))
        #expect(section.errorOutput.hasSuffix("second stderr line"))
        #expect(stored.evidence == diagnosis.sections)
        #expect(stored.findings == diagnosis.findings, "finding evidence lines (JSON) keep the NUL too")

        let body = try #require(try await database.tickets().first?.action.body)
        #expect(body.contains("/rom\u{2400}"), "the NUL is visible in the ticket text")
        #expect(body.contains("overlayfs:/overlay 7680 7680 0 100% /overlay"), "the lines after the NUL are there")
        #expect(ActionText.evidence(stored.evidence).contains("overlayfs:/overlay 7680"))
    }

    @Test("The webhook gets the whole section, the lines after the NUL included")
    func deliveredWhole() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-nul")
        defer { folder.remove() }
        let receiver = try await WebhookReceiver.start()
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: try WebhookSinkTests.sink(receiver.url, in: folder))
        _ = try await recorder.record(Self.diagnosis(), outcome: nil, act: true)
        let report = await recorder.deliverPending()
        try await receiver.shutdown()
        #expect(report.delivered == 1)

        let request = try #require(receiver.requests.first)
        let message = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        let evidence = try #require(message?["evidence"] as? [[String: Any]])
        let diskFree = try #require(evidence.first { $0["subject"] as? String == "df -k" })
        #expect(diskFree["output"] as? String == Self.diskFree)
        #expect((message?["text"] as? String)?.contains("overlayfs:/overlay") == true)
    }

    @Test("An audit failure with a NUL in it (a device's banner) keeps what follows the NUL")
    func auditFailure() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-nul")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        try await database.appendAudit(AuditRecord(
            requestedBy: "alice", deviceID: "cpe-banner", host: "127.0.0.1", diagnosisID: nil, probeSHA256: [:],
            startedAt: Date(), endedAt: Date(), outcome: .connectionFailed, connectAttempts: 1,
            failure: "protocol-error during banner: SSH-2.0-evil\0 after the NUL", probes: []))
        let failure = try #require(try await database.auditLog(deviceID: "cpe-banner").first?.failure)
        #expect(failure == "protocol-error during banner: SSH-2.0-evil\u{2400} after the NUL")
    }

    @Test("Evidence rows written as text by an older Triage still read back")
    func olderTextRows() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-nul")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let recorded = try await StoreTestPaths.recorder(database).record(SampleDiagnoses.make(.replace), outcome: nil, act: false)
        try await DatabaseQueue(path: database.path).write { db in
            try db.execute(sql: "UPDATE evidence SET output = CAST(output AS TEXT), errorOutput = 'text stderr'")
            #expect(try String.fetchOne(db, sql: "SELECT DISTINCT typeof(output) FROM evidence") == "text")
        }
        let evidence = try await database.evidence(diagnosisID: recorded.diagnosisID)
        #expect(evidence.map(\.output) == SampleDiagnoses.sections.map(\.output))
        #expect(evidence.allSatisfy { $0.errorOutput == "text stderr" })
    }
}
