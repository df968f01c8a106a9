public import Foundation
public import TriageCore

/// Where orders, tickets and notes go.
public enum SinkConfiguration: Sendable, Hashable {
    /// They stay in the SQLite file (the default).
    case local
    case webhook(WebhookConfiguration)
    case requestTracker(RequestTrackerConfiguration)

    /// How long the delivery of one entry may take in all (tries, pauses, requests). It also sets
    /// how long an interrupted delivery holds its entry, so the local sink's is short: marking a
    /// row delivered takes no longer than the store's busy wait.
    public var deadline: TimeInterval {
        switch self {
        case .local: 60
        case .webhook(let webhook): webhook.deadline
        case .requestTracker(let rt): rt.deadline
        }
    }

    /// The name stored with each outbox row.
    public var name: String {
        switch self {
        case .local: "local"
        case .webhook: "webhook"
        case .requestTracker: "rt"
        }
    }
}

/// `sink: webhook`: one JSON POST per order, ticket or note, signed with HMAC-SHA256.
public struct WebhookConfiguration: Sendable, Hashable {
    public var url: URL
    public var secret: SecretReference
    /// Tries per delivery run, with backoff between them; the outbox retries later runs.
    public var attempts: Int
    /// One request's deadline: connect, headers and the whole answer.
    public var timeout: TimeInterval
    /// The first pause between tries; it doubles each time.
    public var backoff: TimeInterval
    /// The delivery of one entry in all: every try and pause.
    public var deadline: TimeInterval

    public init(url: URL, secret: SecretReference, attempts: Int = 3, timeout: TimeInterval = 10, backoff: TimeInterval = 0.5,
                deadline: TimeInterval = 60) {
        self.url = url
        self.secret = secret
        self.attempts = attempts
        self.timeout = timeout
        self.backoff = backoff
        self.deadline = deadline
    }
}

/// `sink: rt`: Request Tracker 5's REST 2.0 API with an auth token.
public struct RequestTrackerConfiguration: Sendable, Hashable {
    /// RT's base URL, including its WebPath if it has one (`https://rt.example.net/rt`).
    public var url: URL
    /// The third-level queue tickets are created in.
    public var queue: String
    /// The queue replacement orders are created in (defaults to `queue`).
    public var orderQueue: String
    public var token: SecretReference
    /// One request's deadline: connect, headers and the whole answer.
    public var timeout: TimeInterval
    /// The delivery of one entry in all: its lookups, the ticket, the comment and the move.
    public var deadline: TimeInterval
    /// `route_by_verdict`: the queue the originating ticket moves to after Triage's comment; a
    /// verdict not named leaves the ticket where it is.
    public var routeByVerdict: [Verdict: String]
    /// `intake`: the queue watched for escalations; nil when Triage does not watch one.
    public var intake: RequestTrackerIntakeConfiguration?

    public init(url: URL, queue: String, orderQueue: String? = nil, token: SecretReference, timeout: TimeInterval = 15,
                deadline: TimeInterval = 120, routeByVerdict: [Verdict: String] = [:], intake: RequestTrackerIntakeConfiguration? = nil) {
        self.url = url
        self.queue = queue
        self.orderQueue = orderQueue ?? queue
        self.token = token
        self.timeout = timeout
        self.deadline = deadline
        self.routeByVerdict = routeByVerdict
        self.intake = intake
    }
}
