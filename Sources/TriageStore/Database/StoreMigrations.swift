import GRDB

/// The schema, as named migrations applied in order on open. A migration once released is never
/// edited: a change is a new migration, and `Tests/TriageStoreTests/Fixtures/` keeps each
/// released schema so that migrating from it stays tested.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-record", migrate: createRecordTables)
        migrator.registerMigration("v2-actions", migrate: createActionTables)
        migrator.registerMigration("v3-jobs", migrate: createJobTable)
        migrator.registerMigration("v4-leases", migrate: addLeasesAndSweeps)
        return migrator
    }

    /// Version 1: diagnoses, their findings and evidence, and the append-only audit log.
    private static func createRecordTables(_ db: Database) throws {
        try db.create(table: "diagnoses") { t in
            t.primaryKey("id", .text)
            t.column("deviceID", .text).notNull().indexed()
            t.column("host", .text).notNull()
            t.column("model", .text)
            t.column("firmware", .text)
            t.column("serial", .text)
            t.column("customer", .text)
            t.column("requestedBy", .text).notNull()
            t.column("originTicket", .text)
            t.column("startedAt", .datetime).notNull()
            t.column("durationMilliseconds", .integer).notNull()
            t.column("verdict", .text).notNull()
            t.column("rulesFired", .jsonText).notNull()
            t.column("probeSHA256", .jsonText).notNull()
            t.column("warnings", .jsonText).notNull()
            t.column("triageVersion", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "findings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("diagnosisID", .text).notNull().indexed().references("diagnoses", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("component", .text).notNull()
            t.column("code", .text).notNull().indexed()
            t.column("severity", .text).notNull()
            t.column("message", .text).notNull()
            t.column("verdict", .text).notNull()
            t.column("isSecurity", .boolean).notNull()
            t.column("remedy", .text)
            t.column("reference", .text)
            t.column("evidence", .jsonText).notNull()
            t.column("ruleID", .text).notNull()
        }
        try db.create(table: "evidence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("diagnosisID", .text).notNull().indexed().references("diagnoses", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("output", .text).notNull()
            t.column("exitCode", .integer)
            t.column("isAbsent", .boolean).notNull()
            t.column("durationMilliseconds", .integer)
            t.column("isTruncated", .boolean).notNull()
            t.column("errorOutput", .text).notNull()
            t.column("recordedAt", .datetime).notNull().indexed()
        }
        try db.create(table: "auditLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("requestedBy", .text).notNull()
            t.column("deviceID", .text).notNull().indexed()
            t.column("host", .text).notNull()
            t.column("diagnosisID", .text)
            t.column("probeSHA256", .jsonText).notNull()
            t.column("startedAt", .datetime).notNull()
            t.column("endedAt", .datetime).notNull()
            t.column("outcome", .text).notNull()
            t.column("connectAttempts", .integer).notNull()
            t.column("failure", .text)
            t.column("probes", .jsonText).notNull()
        }
        // The audit log is append-only, enforced by SQLite itself rather than by convention: a
        // bug, a script or a hand-typed statement can add rows but never rewrite or remove them.
        try db.execute(sql: """
            CREATE TRIGGER auditLog_no_update BEFORE UPDATE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be updated'); END;
            CREATE TRIGGER auditLog_no_delete BEFORE DELETE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted'); END;
            """)
    }

    /// Version 2: orders, tickets and notes, and the outbox that delivers them.
    private static func createActionTables(_ db: Database) throws {
        try db.create(table: "orders") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("idempotencyKey", .text).notNull().unique()
            t.column("diagnosisID", .text).notNull().indexed().references("diagnoses")
            t.column("deviceID", .text).notNull().indexed()
            t.column("model", .text)
            t.column("serial", .text)
            t.column("customer", .text)
            t.column("originTicket", .text)
            t.column("reason", .text).notNull()
            t.column("findings", .jsonText).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "tickets") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("idempotencyKey", .text).notNull().unique()
            t.column("diagnosisID", .text).notNull().indexed().references("diagnoses")
            t.column("deviceID", .text).notNull().indexed()
            t.column("customer", .text)
            t.column("originTicket", .text)
            t.column("summary", .text).notNull()
            t.column("body", .text).notNull()
            t.column("findings", .jsonText).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "notes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("idempotencyKey", .text).notNull().unique()
            t.column("diagnosisID", .text).notNull().indexed().references("diagnoses")
            t.column("deviceID", .text).notNull().indexed()
            t.column("originTicket", .text)
            t.column("verdict", .text).notNull()
            t.column("text", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "outbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("idempotencyKey", .text).notNull().unique()
            t.column("diagnosisID", .text).notNull().indexed().references("diagnoses")
            t.column("kind", .text).notNull()
            t.column("actionID", .integer).notNull()
            t.column("sink", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("lastAttemptAt", .datetime)
            t.column("lastError", .text)
            t.column("nextAttemptAt", .datetime).notNull()
            t.column("claimedUntil", .datetime)
            t.column("progress", .text)
            t.column("deliveredAt", .datetime)
            t.column("externalReference", .text)
        }
        try db.create(index: "outbox_pending", on: "outbox", columns: ["deliveredAt", "nextAttemptAt"])
    }

    /// Version 3: the service's escalation jobs. A ticket (system and id) makes one job; the checks
    /// keep states and sources to the ones the code knows.
    private static func createJobTable(_ db: Database) throws {
        try db.create(table: "jobs") { t in
            t.primaryKey("id", .text)
            t.column("ticketSystem", .text).notNull()
            t.column("ticketID", .text).notNull()
            t.column("ticketURL", .text)
            t.column("deviceID", .text).notNull()
            t.column("source", .text).notNull().check { ["http", "rt"].contains($0) }
            t.column("state", .text).notNull().check { ["queued", "running", "done", "failed"].contains($0) }
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("createdAt", .datetime).notNull()
            t.column("startedAt", .datetime)
            t.column("finishedAt", .datetime)
            t.column("diagnosisID", .text)
            t.column("verdict", .text)
            t.column("lastError", .text)
            t.uniqueKey(["ticketSystem", "ticketID"])
        }
        try db.create(index: "jobs_by_state", on: "jobs", columns: ["state", "deviceID"])
    }

    /// Version 4 (issue 15): several workers share the queue. A running job is held by a worker
    /// until its lease expires; sweeps put one job per device in the queue. SQLite cannot change a
    /// column check, so `jobs` is rebuilt (rows, ids and order kept) to admit the `sweep` source.
    private static func addLeasesAndSweeps(_ db: Database) throws {
        try db.create(table: "sweeps") { t in
            t.primaryKey("id", .text)
            t.column("requestedBy", .text).notNull()
            t.column("jobCount", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "jobs_v4") { t in
            t.primaryKey("id", .text)
            t.column("ticketSystem", .text).notNull()
            t.column("ticketID", .text).notNull()
            t.column("ticketURL", .text)
            t.column("deviceID", .text).notNull()
            t.column("source", .text).notNull().check { ["http", "rt", "sweep"].contains($0) }
            t.column("state", .text).notNull().check { ["queued", "running", "done", "failed"].contains($0) }
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("createdAt", .datetime).notNull()
            t.column("startedAt", .datetime)
            t.column("finishedAt", .datetime)
            t.column("diagnosisID", .text)
            t.column("verdict", .text)
            t.column("lastError", .text)
            t.column("worker", .text)
            t.column("leaseExpiresAt", .datetime)
            t.column("sweepID", .text).references("sweeps")
            t.uniqueKey(["ticketSystem", "ticketID"])
        }
        // A job an older process left running has no lease: the first claim after the upgrade takes it.
        try db.execute(sql: """
            INSERT INTO jobs_v4 (id, ticketSystem, ticketID, ticketURL, deviceID, source, state, attempts, createdAt,
                                 startedAt, finishedAt, diagnosisID, verdict, lastError)
            SELECT id, ticketSystem, ticketID, ticketURL, deviceID, source, state, attempts, createdAt,
                   startedAt, finishedAt, diagnosisID, verdict, lastError FROM jobs ORDER BY rowid
            """)
        try db.drop(table: "jobs")
        try db.rename(table: "jobs_v4", to: "jobs")
        try db.create(index: "jobs_by_state", on: "jobs", columns: ["state", "deviceID"])
        try db.create(index: "jobs_by_sweep", on: "jobs", columns: ["sweepID", "state"])
    }
}
