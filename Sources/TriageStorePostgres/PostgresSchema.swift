/// The PostgreSQL schema: the SQLite store's tables (Sources/TriageStore/Database/StoreMigrations.swift)
/// in PostgreSQL's words. Names are snake_case; dates are timestamptz; JSON columns are text holding
/// the JSON Triage wrote, so that values read back exactly as stored; evidence outputs are bytea
/// (a device may print a NUL byte, which PostgreSQL text refuses).
enum PostgresSchema {
    /// Diagnoses, their findings and evidence, and the append-only audit log.
    static let record = PostgresMigration(name: "v1-record", statements: [
        """
        CREATE TABLE diagnoses (
            id text PRIMARY KEY, device_id text NOT NULL, host text NOT NULL, model text, firmware text,
            serial text, customer text, requested_by text NOT NULL, origin_ticket text,
            started_at timestamptz NOT NULL, duration_milliseconds bigint NOT NULL, verdict text NOT NULL,
            rules_fired text NOT NULL, probe_sha256 text NOT NULL, warnings text NOT NULL,
            triage_version text NOT NULL, recorded_at timestamptz NOT NULL)
        """,
        "CREATE INDEX diagnoses_device ON diagnoses (device_id, started_at)",
        """
        CREATE TABLE findings (
            id bigserial PRIMARY KEY, diagnosis_id text NOT NULL REFERENCES diagnoses ON DELETE CASCADE,
            position integer NOT NULL, component text NOT NULL, code text NOT NULL, severity text NOT NULL,
            message text NOT NULL, verdict text NOT NULL, is_security boolean NOT NULL, remedy text,
            reference text, evidence text NOT NULL, rule_id text NOT NULL)
        """,
        "CREATE INDEX findings_diagnosis ON findings (diagnosis_id)",
        "CREATE INDEX findings_code ON findings (code)",
        """
        CREATE TABLE evidence (
            id bigserial PRIMARY KEY, diagnosis_id text NOT NULL REFERENCES diagnoses ON DELETE CASCADE,
            position integer NOT NULL, kind text NOT NULL, subject text NOT NULL, output bytea NOT NULL,
            exit_code integer, is_absent boolean NOT NULL, duration_milliseconds bigint,
            is_truncated boolean NOT NULL, error_output bytea NOT NULL, recorded_at timestamptz NOT NULL)
        """,
        "CREATE INDEX evidence_diagnosis ON evidence (diagnosis_id)",
        "CREATE INDEX evidence_recorded ON evidence (recorded_at)",
        """
        CREATE TABLE audit_log (
            id bigserial PRIMARY KEY, requested_by text NOT NULL, device_id text NOT NULL, host text NOT NULL,
            diagnosis_id text, probe_sha256 text NOT NULL, started_at timestamptz NOT NULL,
            ended_at timestamptz NOT NULL, outcome text NOT NULL, connect_attempts integer NOT NULL,
            failure text, probes text NOT NULL)
        """,
        "CREATE INDEX audit_log_device ON audit_log (device_id)",
        "CREATE INDEX audit_log_diagnosis ON audit_log (diagnosis_id)",
        // Append-only, enforced by the server rather than by convention: a bug, a script or a
        // hand-typed statement can add rows but never rewrite, remove or truncate them.
        """
        CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
        END $$
        """,
        """
        CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
        """,
        """
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
        """,
    ])

    /// Orders, tickets and notes, and the outbox that delivers them. The idempotency keys are
    /// unique constraints: whatever crashes or races, no order or ticket is made twice.
    static let actions = PostgresMigration(name: "v2-actions", statements: [
        """
        CREATE TABLE orders (
            id bigserial PRIMARY KEY, idempotency_key text NOT NULL UNIQUE,
            diagnosis_id text NOT NULL REFERENCES diagnoses, device_id text NOT NULL, model text, serial text,
            customer text, origin_ticket text, reason text NOT NULL, findings text NOT NULL,
            created_at timestamptz NOT NULL)
        """,
        """
        CREATE TABLE tickets (
            id bigserial PRIMARY KEY, idempotency_key text NOT NULL UNIQUE,
            diagnosis_id text NOT NULL REFERENCES diagnoses, device_id text NOT NULL, customer text,
            origin_ticket text, summary text NOT NULL, body text NOT NULL, findings text NOT NULL,
            created_at timestamptz NOT NULL)
        """,
        """
        CREATE TABLE notes (
            id bigserial PRIMARY KEY, idempotency_key text NOT NULL UNIQUE,
            diagnosis_id text NOT NULL REFERENCES diagnoses, device_id text NOT NULL, origin_ticket text,
            verdict text NOT NULL, text text NOT NULL, created_at timestamptz NOT NULL)
        """,
        "CREATE INDEX orders_device ON orders (device_id)",
        "CREATE INDEX tickets_device ON tickets (device_id)",
        "CREATE INDEX notes_device ON notes (device_id)",
        """
        CREATE TABLE outbox (
            id bigserial PRIMARY KEY, idempotency_key text NOT NULL UNIQUE,
            diagnosis_id text NOT NULL REFERENCES diagnoses,
            kind text NOT NULL CHECK (kind IN ('order', 'ticket', 'note')), action_id bigint NOT NULL,
            sink text NOT NULL, created_at timestamptz NOT NULL, attempts integer NOT NULL DEFAULT 0,
            last_attempt_at timestamptz, last_error text, next_attempt_at timestamptz NOT NULL,
            claimed_until timestamptz, progress text, delivered_at timestamptz, external_reference text)
        """,
        "CREATE INDEX outbox_diagnosis ON outbox (diagnosis_id)",
        "CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL",
    ])

    /// The service's escalation jobs: a ticket (system and id) makes one job.
    static let jobs = PostgresMigration(name: "v3-jobs", statements: [
        """
        CREATE TABLE jobs (
            position bigserial NOT NULL, id text PRIMARY KEY, ticket_system text NOT NULL,
            ticket_id text NOT NULL, ticket_url text, device_id text NOT NULL,
            source text NOT NULL CONSTRAINT jobs_source CHECK (source IN ('http', 'rt')),
            state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
            attempts integer NOT NULL DEFAULT 0, created_at timestamptz NOT NULL, started_at timestamptz,
            finished_at timestamptz, diagnosis_id text, verdict text, last_error text,
            UNIQUE (ticket_system, ticket_id))
        """,
    ])

    /// Several workers share the queue (issue 15): a running job is held by one worker until its
    /// lease expires; sweeps put one job per device in the queue. Named as SQLite's version 4.
    static let leases = PostgresMigration(name: "v4-leases", statements: [
        """
        CREATE TABLE sweeps (
            id text PRIMARY KEY, requested_by text NOT NULL, job_count integer NOT NULL,
            created_at timestamptz NOT NULL)
        """,
        "ALTER TABLE jobs ADD COLUMN worker text, ADD COLUMN lease_expires_at timestamptz, ADD COLUMN sweep_id text REFERENCES sweeps",
        "ALTER TABLE jobs DROP CONSTRAINT jobs_source",
        "ALTER TABLE jobs ADD CONSTRAINT jobs_source CHECK (source IN ('http', 'rt', 'sweep'))",
        // What a claim reads: the waiting jobs in order, and the running ones per device.
        "CREATE INDEX jobs_waiting ON jobs (created_at, position) WHERE state IN ('queued', 'running')",
        "CREATE INDEX jobs_running_device ON jobs (device_id, lease_expires_at) WHERE state = 'running'",
        "CREATE INDEX jobs_sweep ON jobs (sweep_id, state) WHERE sweep_id IS NOT NULL",
    ])
}
