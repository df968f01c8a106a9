public import Foundation
public import TriageCore

/// One escalation taken by the service: a ticket and the inventory device it is about, and how far
/// its diagnosis got. A plain value, so that another store (issue 15: PostgreSQL) can return it too.
public struct EscalationJob: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable {
        case queued, running, done, failed
    }

    /// Where the escalation came from.
    public enum Source: String, Sendable, CaseIterable {
        /// `POST /v1/escalations`.
        case http
        /// Found in a Request Tracker queue.
        case rt
        /// One device of a sweep put in the queue (`triage sweep --enqueue`): no originating ticket.
        case sweep
    }

    public var id: UUID
    /// The escalated ticket. A sweep job has none of its own: its reference (system `sweep`, id
    /// `<sweep id>/<device id>`) only names it; `originTicket` is nil.
    public var ticket: TicketReference
    public var deviceID: String
    public var source: Source
    public var state: State
    /// How many times a worker started it: more than one after a restart ran it again.
    public var attempts: Int
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// The diagnosis that finished it (`done`).
    public var diagnosisID: String?
    public var verdict: String?
    /// Why it failed (`failed`): Triage's own failure, never a verdict about the device.
    public var lastError: String?
    /// The worker that holds it (`running`) or last held it.
    public var worker: String?
    /// Until when `worker` holds it (`running`): after that, another worker may claim it.
    public var leaseExpiresAt: Date?
    /// The sweep it belongs to (`source == .sweep`).
    public var sweepID: UUID?

    public init(id: UUID, ticket: TicketReference, deviceID: String, source: Source, state: State = .queued,
                attempts: Int = 0, createdAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil,
                diagnosisID: String? = nil, verdict: String? = nil, lastError: String? = nil,
                worker: String? = nil, leaseExpiresAt: Date? = nil, sweepID: UUID? = nil) {
        self.id = id
        self.ticket = ticket
        self.deviceID = deviceID
        self.source = source
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.diagnosisID = diagnosisID
        self.verdict = verdict
        self.lastError = lastError
        self.worker = worker
        self.leaseExpiresAt = leaseExpiresAt
        self.sweepID = sweepID
    }

    /// The diagnosis' originating ticket: the escalated ticket's, nil for a sweep job (so its
    /// action routes and deduplicates as `triage sweep`'s do).
    public var originTicket: String? {
        source == .sweep ? nil : ticket.originTicket
    }

    /// The reference that names a sweep job (the jobs table keys jobs by ticket).
    public static func sweepTicket(sweepID: UUID, deviceID: String) -> TicketReference {
        TicketReference(system: "sweep", id: "\(sweepID.uuidString.lowercased())/\(deviceID)")
    }
}
