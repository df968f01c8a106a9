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
    }

    public var id: UUID
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

    public init(id: UUID, ticket: TicketReference, deviceID: String, source: Source, state: State = .queued,
                attempts: Int = 0, createdAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil,
                diagnosisID: String? = nil, verdict: String? = nil, lastError: String? = nil) {
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
    }
}
