import Foundation
import GRDB
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

@Suite("Audit log")
struct AuditLogTests {
    @Test("The audit log takes new rows, and SQLite refuses UPDATE and DELETE on it")
    func appendOnly() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-store")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        _ = try await StoreTestPaths.recorder(database).record(SampleDiagnoses.make(.healthy, device: "cpe-audit"), outcome: nil, act: false)
        try await database.appendAudit(AuditRecord(
            requestedBy: "ticket:77", deviceID: "cpe-audit", host: "127.0.0.1", diagnosisID: nil, probeSHA256: ["wlan": "ab"],
            startedAt: Date(), endedAt: Date(), outcome: .connectionFailed, connectAttempts: 3,
            failure: "unreachable at connect: no route", probes: []))
        let entries = try await database.auditLog(deviceID: "cpe-audit")
        #expect(entries.map(\.outcome) == [.notProbed, .connectionFailed])

        // Straight at the file, as any other program or a person with sqlite3 would.
        let queue = try DatabaseQueue(path: database.path)
        let update = #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE auditLog SET requestedBy = 'mallory'") }
        }
        #expect(update?.message?.contains("append-only") == true)
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "DELETE FROM auditLog") }
        }
        #expect(try await database.auditLog(deviceID: "cpe-audit").map(\.requestedBy) == ["alice", "ticket:77"])
    }
}
