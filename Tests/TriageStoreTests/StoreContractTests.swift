import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// One test suite, two stores: what `RecordStore` promises, checked on the SQLite store and on
/// the PostgreSQL store alike (issue 15). What only a server store can show (concurrent claimers
/// on one database, opening together, a server that is down) is in `PostgresStoreTests`.
@Suite("The record store's contract, on SQLite and PostgreSQL")
struct StoreContractTests {
    typealias Samples = StoreContractSamples

    @Test("A saved diagnosis reads back whole: record, findings, evidence bytes, audit entry and delivery", arguments: StoreBackend.allCases)
    func saveAndReadBack(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            var diagnosis = Samples.diagnosis(.replace, device: "cpe-read")
            diagnosis.sections = Samples.awkwardSections
            let saved = try await store.save(diagnosis, audit: Samples.audit(device: "cpe-read"), action: Samples.order(for: diagnosis),
                                             sink: "local", now: Samples.start.addingTimeInterval(5))
            #expect(saved.diagnosisIsNew && saved.action?.isNew == true && saved.action?.kind == .order)
            #expect(saved.diagnosisID == diagnosis.id.uuidString.lowercased())

            let stored = try #require(try await store.diagnosis(id: String(saved.diagnosisID.prefix(8))))
            #expect(stored.diagnosis == diagnosis, "the diagnosis reads back as it was saved")
            #expect(stored.record.recordedAt == Samples.start.addingTimeInterval(5))
            #expect(stored.evidence.last?.output == "ESSID: \"caf\u{e9}\0net\"\n", "a NUL byte and UTF-8 are kept")
            #expect(stored.audit.map(\.diagnosisID) == [saved.diagnosisID])
            #expect(stored.deliveries.map(\.idempotencyKey) == ["order:cpe-read"])
            #expect(try await store.evidence(diagnosisID: saved.diagnosisID) == Samples.awkwardSections)
            #expect(try await store.diagnosis(id: "ffffffff-0000") == nil)

            let order = try #require(try await store.orders().first)
            #expect(order.action.reason == "No radio\u{2400} (driver probe failed)", "a NUL in free text is shown, not cut")
            #expect(order.action.findings == diagnosis.findings && order.action.diagnosisID == saved.diagnosisID)
            #expect(order.delivery?.id == saved.action?.outboxID && order.delivery?.isDelivered == false)
        }
    }

    @Test("The same diagnosis again, or another with the same key, makes no second action", arguments: StoreBackend.allCases)
    func idempotency(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let first = Samples.diagnosis(.replace, device: "cpe-idem")
            let created = try await store.save(first, audit: nil, action: Samples.order(for: first), sink: "local", now: Samples.start)
            let replayed = try await store.save(first, audit: nil, action: Samples.order(for: first), sink: "local", now: Samples.start)
            let second = Samples.diagnosis(.replace, device: "cpe-idem", at: 60)
            let again = try await store.save(second, audit: nil, action: Samples.order(for: second), sink: "local", now: Samples.start)
            #expect(created.action?.isNew == true)
            #expect(!replayed.diagnosisIsNew && replayed.action?.isNew == false)
            #expect(again.diagnosisIsNew && again.action?.isNew == false)
            #expect(again.action?.diagnosisID == created.diagnosisID && again.action?.outboxID == created.action?.outboxID)
            #expect(try await store.orders().count == 1)
            #expect(try await store.outbox(includeDelivered: true).count == 1)
            #expect(try await store.history(deviceID: "cpe-idem").map(\.id) == [again.diagnosisID, created.diagnosisID],
                    "both diagnoses are on record, newest first")
        }
    }

    @Test("A batch commits every entry but the one that fails, and says which failed", arguments: StoreBackend.allCases)
    func batchWithAFailingEntry(backend: StoreBackend) async throws {
        try await backend.withStore { store, raw in
            // Only a constraint the database itself enforces can make an entry fail: refuse one device's audit entries.
            let refused = try await raw.execute(
                sqlite: """
                    CREATE TRIGGER refuse_bad BEFORE INSERT ON auditLog WHEN NEW.deviceID = 'cpe-bad'
                    BEGIN SELECT RAISE(ABORT, 'injected'); END
                    """,
                postgres: """
                    CREATE FUNCTION refuse_bad() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.device_id = 'cpe-bad' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$;
                    CREATE TRIGGER refuse_bad BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_bad();
                    """)
            #expect(refused == nil)
            let good = Samples.diagnosis(.escalate, device: "cpe-good")
            let bad = Samples.diagnosis(.replace, device: "cpe-bad")
            let results = await store.save(batch: [
                .diagnosis(good, audit: Samples.audit(device: "cpe-good"), action: Samples.ticket(for: good), sink: "local"),
                .diagnosis(bad, audit: Samples.audit(device: "cpe-bad"), action: Samples.order(for: bad), sink: "local"),
                .audit(Samples.audit(device: "cpe-alone", outcome: .connectionFailed)),
            ], now: Samples.start)
            #expect(results.count == 3)
            #expect((try? results[0].get())?.action?.kind == .ticket)
            guard case .failure = results[1] else {
                Issue.record("the failing entry reports its failure, not \(results[1])")
                return
            }
            guard case .success(nil) = results[2] else {
                Issue.record("the audit entry alone is recorded, not \(results[2])")
                return
            }
            #expect(try await store.history(deviceID: "cpe-bad").isEmpty, "the failing entry left nothing behind")
            #expect(try await store.orders().isEmpty)
            #expect(try await store.history(deviceID: "cpe-good").count == 1)
            #expect(try await store.auditLog(deviceID: nil).map(\.deviceID) == ["cpe-good", "cpe-alone"])
        }
    }

    @Test("Outbox: claim holds a row for its lease, delivery and failure are recorded, progress is kept", arguments: StoreBackend.allCases)
    func outboxClaims(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let broken = Samples.diagnosis(.replace, device: "cpe-out-1")
            let line = Samples.diagnosis(.escalate, device: "cpe-out-2")
            let fine = Samples.diagnosis(.healthy, device: "cpe-out-3")
            for (diagnosis, action) in [(broken, Samples.order(for: broken)), (line, Samples.ticket(for: line)), (fine, Samples.note(for: fine))] {
                _ = try await store.save(diagnosis, audit: nil, action: action, sink: "webhook", now: Samples.start)
            }
            let now = Samples.start.addingTimeInterval(1)
            let first = try #require(try await store.claimNext(afterID: 0, now: now, lease: 60, ignoringSchedule: false))
            #expect(first.outbox.idempotencyKey == "order:cpe-out-1" && first.diagnosis.deviceID == "cpe-out-1")
            #expect(first.evidence == SampleDiagnoses.sections && first.outbox.claimedUntil == now.addingTimeInterval(60))
            let second = try #require(try await store.claimNext(afterID: 0, now: now, lease: 60, ignoringSchedule: false))
            #expect(second.outbox.idempotencyKey == "ticket:cpe-out-2", "a held row is passed over")
            let third = try #require(try await store.claimNext(afterID: 0, now: now, lease: 60, ignoringSchedule: false))
            #expect(third.evidence.isEmpty, "a note carries no evidence")
            #expect(try await store.claimNext(afterID: 0, now: now, lease: 60, ignoringSchedule: false) == nil)
            let expired = try await store.claimNext(afterID: 0, now: now.addingTimeInterval(61), lease: 60, ignoringSchedule: false)
            #expect(expired?.outbox.id == first.outbox.id, "a lease that ran out frees the row")

            let firstID = try #require(first.outbox.id), secondID = try #require(second.outbox.id)
            try await store.saveProgress(outboxID: secondID, progress: "ticket-created:77")
            try await store.markDelivered(outboxID: firstID, reference: "RMA-1", at: now.addingTimeInterval(2))
            try await store.markFailed(outboxID: secondID, error: "HTTP 503", nextAttemptAt: now.addingTimeInterval(300),
                                       at: now.addingTimeInterval(3))
            let pending = try await store.outbox(includeDelivered: false)
            #expect(pending.map(\.id) == [second.outbox.id, third.outbox.id])
            let failed = try #require(pending.first)
            #expect(failed.attempts == 1 && failed.lastError == "HTTP 503" && failed.progress == "ticket-created:77")
            #expect(failed.claimedUntil == nil && failed.nextAttemptAt == now.addingTimeInterval(300))
            let delivered = try #require(try await store.outbox(includeDelivered: true).first)
            #expect(delivered.externalReference == "RMA-1" && delivered.deliveredAt == now.addingTimeInterval(2) && delivered.attempts == 1)

            let later = now.addingTimeInterval(200)
            let due = try await store.claimNext(afterID: 0, now: later, lease: 60, ignoringSchedule: false)
            #expect(due?.outbox.id == third.outbox.id, "the failed row waits for its next attempt")
            let forced = try await store.claimNext(afterID: 0, now: later, lease: 60, ignoringSchedule: true)
            #expect(forced?.outbox.id == secondID, "ignoring the schedule takes it now")
            #expect(try await store.claimNext(afterID: secondID, now: later.addingTimeInterval(600), lease: 60,
                                              ignoringSchedule: true)?.outbox.id == third.outbox.id)
        }
    }

    @Test("Outbox: a row for a sink that reads no evidence is claimed without it; other sinks' rows keep theirs", arguments: StoreBackend.allCases)
    func outboxClaimsWithoutEvidence(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let local = Samples.diagnosis(.replace, device: "cpe-ev-1")
            let webhook = Samples.diagnosis(.replace, device: "cpe-ev-2")
            _ = try await store.save(local, audit: nil, action: Samples.order(for: local), sink: "local", now: Samples.start)
            _ = try await store.save(webhook, audit: nil, action: Samples.order(for: webhook), sink: "webhook", now: Samples.start)
            let now = Samples.start.addingTimeInterval(1)
            let first = try #require(try await store.claimNext(afterID: 0, now: now, lease: 60, ignoringSchedule: false,
                                                              sinksWithoutEvidence: ["local"]))
            #expect(first.outbox.sink == "local" && first.diagnosis.deviceID == "cpe-ev-1")
            #expect(first.evidence.isEmpty)
            if case .order(let order) = first.action { #expect(order.deviceID == "cpe-ev-1") } else { Issue.record("not an order") }
            let second = try #require(try await store.claimNext(afterID: 0, now: now, lease: 60, ignoringSchedule: false,
                                                               sinksWithoutEvidence: ["local"]))
            #expect(second.outbox.sink == "webhook" && second.evidence == SampleDiagnoses.sections)
            #expect(try await store.evidence(diagnosisID: first.diagnosis.id) == SampleDiagnoses.sections,
                    "the evidence itself stays stored")
        }
    }

    @Test("Listings: orders, tickets and notes with their delivery; the audit log by device; history newest first", arguments: StoreBackend.allCases)
    func queries(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let older = Samples.diagnosis(.escalate, device: "cpe-q", at: 0)
            let newer = Samples.diagnosis(.healthy, device: "cpe-q", at: 100)
            _ = try await store.save(older, audit: Samples.audit(device: "cpe-q"), action: Samples.ticket(for: older), sink: "rt",
                                     now: Samples.start)
            _ = try await store.save(newer, audit: nil, action: Samples.note(for: newer), sink: "rt", now: Samples.start)
            let alone = try await store.appendAudit(Samples.audit(device: "cpe-other", outcome: .connectionFailed))
            #expect(alone.id != nil)
            #expect(try await store.tickets().map { $0.delivery?.sink } == ["rt"])
            #expect(try await store.notes().map(\.action.text) == ["All fine"])
            #expect(try await store.orders().isEmpty)
            #expect(try await store.history(deviceID: "cpe-q").map(\.verdict) == [.healthy, .escalate])
            #expect(try await store.history(deviceID: "nobody").isEmpty)
            #expect(try await store.auditLog(deviceID: "cpe-other") == [alone])
            let all = try await store.auditLog(deviceID: nil)
            #expect(all.map(\.deviceID) == ["cpe-q", "cpe-other"] && all.last == alone)
            #expect(all.first?.probes == Samples.audit(device: "cpe-q").probes)
        }
    }

    @Test("Pruning removes old evidence only; the diagnoses, actions and audit log stay", arguments: StoreBackend.allCases)
    func prune(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let old = Samples.diagnosis(.replace, device: "cpe-old")
            let recent = Samples.diagnosis(.replace, device: "cpe-recent")
            let oldSaved = try await store.save(old, audit: Samples.audit(device: "cpe-old"), action: Samples.order(for: old),
                                                sink: "local", now: Samples.start)
            let recentSaved = try await store.save(recent, audit: nil, action: nil, sink: "local", now: Samples.start.addingTimeInterval(86_400))
            let pruned = try await store.pruneEvidence(recordedBefore: Samples.start.addingTimeInterval(3_600))
            #expect(pruned == SampleDiagnoses.sections.count)
            #expect(try await store.evidence(diagnosisID: oldSaved.diagnosisID).isEmpty)
            #expect(try await store.evidence(diagnosisID: recentSaved.diagnosisID) == SampleDiagnoses.sections)
            let kept = try #require(try await store.diagnosis(id: oldSaved.diagnosisID))
            #expect(kept.findings == old.findings && kept.audit.count == 1 && kept.deliveries.count == 1)
            #expect(try await store.orders().count == 1)
        }
    }

    @Test("The audit log is append-only, enforced by the database itself", arguments: StoreBackend.allCases)
    func auditAppendOnly(backend: StoreBackend) async throws {
        try await backend.withStore { store, raw in
            let entry = try await store.appendAudit(Samples.audit(device: "cpe-audit"))
            let update = try await raw.execute(sqlite: "UPDATE auditLog SET host = 'elsewhere'",
                                               postgres: "UPDATE audit_log SET host = 'elsewhere'")
            let delete = try await raw.execute(sqlite: "DELETE FROM auditLog", postgres: "DELETE FROM audit_log")
            #expect(update?.contains("append-only") == true)
            #expect(delete?.contains("append-only") == true)
            #expect(try await store.auditLog(deviceID: nil) == [entry])
        }
    }

    @Test("Migrations: every known one is applied, in order", arguments: StoreBackend.allCases)
    func migrations(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let applied = try await store.appliedMigrations()
            #expect(applied == backend.knownMigrations)
            #expect(applied.starts(with: ["v1-record", "v2-actions", "v3-jobs"]), "the same names on both stores")
        }
    }
}
