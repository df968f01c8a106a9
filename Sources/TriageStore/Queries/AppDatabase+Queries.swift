import GRDB
public import TriageCore

extension AppDatabase {
    public func orders() async throws -> [ListedAction<OrderRecord>] {
        try await listed(OrderRecord.self, kind: .order)
    }

    public func tickets() async throws -> [ListedAction<TicketRecord>] {
        try await listed(TicketRecord.self, kind: .ticket)
    }

    public func notes() async throws -> [ListedAction<NoteRecord>] {
        try await listed(NoteRecord.self, kind: .note)
    }

    /// One diagnosis with its findings, evidence, audit entries and deliveries; nil when unknown.
    /// `id` may be the full UUID or a unique prefix of it (as `triage history` prints them).
    public func diagnosis(id: String) async throws -> StoredDiagnosis? {
        try await writer.read { db in
            let matches = try StoredRow<DiagnosisRecord>.filter(Column("id").like(id.lowercased() + "%")).limit(2).fetchAll(db)
            guard matches.count == 1, let record = matches.first?.record else { return nil }
            let byDiagnosis = Column("diagnosisID") == record.id
            let findings = try StoredRow<FindingRecord>.filter(byDiagnosis).order(Column("position")).fetchAll(db).map(\.record.finding)
            let evidence = try EvidenceRow.sections(diagnosisID: record.id, db: db)
            let audit = try StoredRow<AuditRecord>.filter(byDiagnosis).order(Column("id")).fetchAll(db).map(\.record)
            let deliveries = try StoredRow<OutboxRecord>.filter(byDiagnosis).order(Column("id")).fetchAll(db).map(\.record)
            return StoredDiagnosis(record: record, findings: findings, evidence: evidence, audit: audit, deliveries: deliveries)
        }
    }

    /// The diagnoses of one device, newest first.
    public func history(deviceID: String) async throws -> [DiagnosisRecord] {
        try await writer.read { db in
            try StoredRow<DiagnosisRecord>.filter(Column("deviceID") == deviceID)
                .order(Column("startedAt").desc, Column("recordedAt").desc).fetchAll(db).map(\.record)
        }
    }

    /// The audit entries of one device (or all), oldest first.
    public func auditLog(deviceID: String? = nil) async throws -> [AuditRecord] {
        try await writer.read { db in
            var request = StoredRow<AuditRecord>.order(Column("id"))
            if let deviceID { request = request.filter(Column("deviceID") == deviceID) }
            return try request.fetchAll(db).map(\.record)
        }
    }

    /// The evidence stored for a diagnosis, in order.
    public func evidence(diagnosisID: String) async throws -> [ProbeSection] {
        try await writer.read { db in
            try EvidenceRow.sections(diagnosisID: diagnosisID, db: db)
        }
    }

    private func listed<Action>(_ type: Action.Type, kind: ActionKind) async throws -> [ListedAction<Action>]
    where Action: StoredRecord & Hashable & Identifiable, Action.ID == Int64? {
        try await writer.read { db in
            let actions = try StoredRow<Action>.order(Column("id")).fetchAll(db).map(\.record)
            let deliveries = try StoredRow<OutboxRecord>.filter(Column("kind") == kind.rawValue).fetchAll(db).map(\.record)
            let byAction = Dictionary(deliveries.map { ($0.actionID, $0) }, uniquingKeysWith: { first, _ in first })
            return actions.map { ListedAction(action: $0, delivery: $0.id.flatMap { byAction[$0] }) }
        }
    }
}
