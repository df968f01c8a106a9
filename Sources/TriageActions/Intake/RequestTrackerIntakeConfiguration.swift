public import Foundation

/// `rt.intake`: the queue first level escalates into, and what the watcher does with it.
public struct RequestTrackerIntakeConfiguration: Sendable, Hashable {
    /// The queue watched for escalations.
    public var queue: String
    /// The ticket custom field that holds the device's inventory id.
    public var deviceField: String
    /// The statuses of a ticket still waiting for Triage (TicketSQL `Status = '…'`).
    public var statuses: [String]
    /// The pause between two polls.
    public var pollInterval: TimeInterval
    /// At most this many tickets are taken per poll; the rest wait for the next.
    public var maxPerPoll: Int
    /// Where a ticket without a usable device id goes, with a comment saying what is missing.
    public var needsAttentionQueue: String

    public init(queue: String, deviceField: String, statuses: [String] = ["new", "open"], pollInterval: TimeInterval = 60,
                maxPerPoll: Int = 50, needsAttentionQueue: String) {
        self.queue = queue
        self.deviceField = deviceField
        self.statuses = statuses
        self.pollInterval = pollInterval
        self.maxPerPoll = maxPerPoll
        self.needsAttentionQueue = needsAttentionQueue
    }
}
