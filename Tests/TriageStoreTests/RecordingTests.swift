import Foundation
import GRDB
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

@Suite("Recording diagnoses and actions")
struct RecordingTests {
    @Test("Each verdict makes its action: order, ticket, or a note for the originating ticket")
    func actionPerVerdict() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database)
        let kinds = try await [Verdict.replace, .escalate, .remediable, .healthy].asyncMap { verdict in
            try await recorder.record(SampleDiagnoses.make(verdict, originTicket: "1001"), outcome: nil, act: true).action?.kind
        }
        #expect(kinds == [.order, .ticket, .note, .note])
        let order = try #require(try await database.orders().first?.action)
        #expect(order.serial == "SIM-0001" && order.customer == "C-4711" && order.model == "TP-Link Archer C7 v5")
        #expect(order.reason.contains("driver probe failed"))
        #expect(try await database.tickets().first?.action.body.contains("DSL line down") == true)
        #expect(try await database.notes().first?.action.text.contains("uci set wireless.radio0.disabled=0") == true)
        #expect(try await database.outbox().count == 4)
    }

    @Test("The same diagnosis again, or a new one with the same device, ticket and verdict, opens nothing new")
    func idempotent() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database)
        let first = SampleDiagnoses.make(.replace, device: "cpe-7", originTicket: "42")
        let created = try await recorder.record(first, outcome: nil, act: true)
        let replayed = try await recorder.record(first, outcome: nil, act: true)
        let again = try await recorder.record(SampleDiagnoses.make(.replace, device: "cpe-7", originTicket: "42"), outcome: nil, act: true)
        #expect(created.action?.isNew == true)
        #expect(replayed.action?.isNew == false && again.action?.isNew == false)
        #expect(again.action?.diagnosisID == created.diagnosisID)
        #expect(try await database.orders().count == 1)
        #expect(try await database.outbox().count == 1)
        #expect(try await database.history(deviceID: "cpe-7").count == 2, "both diagnoses are on record")
        // Another ticket is another case: a new order.
        let other = try await recorder.record(SampleDiagnoses.make(.replace, device: "cpe-7", originTicket: "43"), outcome: nil, act: true)
        #expect(other.action?.isNew == true)
    }

    @Test("Diagnosis, findings, evidence, audit entry and outbox row are one transaction")
    func oneTransaction() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        // An order row that takes the key's place makes the outbox insert fail inside the transaction.
        let diagnosis = SampleDiagnoses.make(.replace, device: "cpe-tx")
        try await DatabaseQueue(path: database.path).write { db in
            try db.execute(sql: "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'injected'); END")
        }
        await #expect(throws: (any Error).self) {
            _ = try await StoreTestPaths.recorder(database).record(diagnosis, outcome: nil, act: true)
        }
        #expect(try await database.history(deviceID: "cpe-tx").isEmpty)
        #expect(try await database.orders().isEmpty)
        #expect(try await database.auditLog(deviceID: "cpe-tx").isEmpty)
    }

    @Test("--no-act records the diagnosis and the audit entry, and no action")
    func noAct() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let recorded = try await StoreTestPaths.recorder(database).record(SampleDiagnoses.make(.replace, device: "cpe-na"), outcome: nil, act: false)
        #expect(recorded.action == nil)
        let stored = try #require(try await database.diagnosis(id: recorded.diagnosisID))
        #expect(stored.evidence.count == SampleDiagnoses.sections.count)
        #expect(stored.audit.count == 1 && stored.deliveries.isEmpty)
        #expect(try await database.orders().isEmpty)
    }

    @Test("Retention prunes old evidence only; the diagnosis, its findings and the audit log stay")
    func retention() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database)
        let old = try await recorder.record(SampleDiagnoses.make(.escalate, device: "cpe-old"), outcome: nil, act: true,
                                            now: Date().addingTimeInterval(-100 * 86_400))
        let fresh = try await recorder.record(SampleDiagnoses.make(.escalate, device: "cpe-new"), outcome: nil, act: true)
        #expect(fresh.prunedEvidence == SampleDiagnoses.sections.count, "the default 90 days pruned the old one on record")
        let stored = try #require(try await database.diagnosis(id: old.diagnosisID))
        #expect(stored.evidence.isEmpty && stored.findings.count == 1 && stored.audit.count == 1)
        #expect(try await database.diagnosis(id: fresh.diagnosisID)?.evidence.count == SampleDiagnoses.sections.count)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
