import Foundation
import TriageCore
import Yams

/// `rt.intake` and `rt.route_by_verdict`: the queue Triage watches for escalations and where each
/// answered ticket goes. Names end up in TicketSQL and RT's JSON, so they are held to the plain
/// shape the sink's queues have.
extension ConfigurationReader {
    func requestTrackerIntake(_ node: Node?) throws(ConfigurationError) -> RequestTrackerIntakeConfiguration? {
        guard let node else { return nil }
        let fields = try mapping(node, path: "rt.intake", allowed: [
            "queue", "device_field", "statuses", "poll_seconds", "max_per_poll", "needs_attention_queue",
        ])
        for key in ["queue", "device_field", "needs_attention_queue"] where fields[key] == nil {
            throw problem("rt.intake.\(key) is missing", node)
        }
        var intake = RequestTrackerIntakeConfiguration(
            queue: try queueName(fields["queue"], path: "rt.intake.queue"),
            deviceField: try queueName(fields["device_field"], path: "rt.intake.device_field", what: "custom field"),
            needsAttentionQueue: try queueName(fields["needs_attention_queue"], path: "rt.intake.needs_attention_queue"))
        if let node = fields["statuses"] {
            guard case .sequence(let list) = node, !list.isEmpty else {
                throw problem("rt.intake.statuses must be a list such as [new, open]", node)
            }
            intake.statuses = try list.map { (status) throws(ConfigurationError) in
                try queueName(status, path: "rt.intake.statuses", what: "status")
            }
        }
        if let node = fields["poll_seconds"] {
            intake.pollInterval = try seconds(node, path: "rt.intake.poll_seconds", in: ConfigurationLimits.pollSeconds)
        }
        if let node = fields["max_per_poll"] {
            intake.maxPerPoll = try wholeNumber(node, path: "rt.intake.max_per_poll", in: ConfigurationLimits.ticketsPerPoll,
                                                unit: "tickets")
        }
        if intake.needsAttentionQueue == intake.queue {
            throw problem("rt.intake.needs_attention_queue must differ from rt.intake.queue, or a ticket would be taken again and again",
                          fields["needs_attention_queue"])
        }
        return intake
    }

    func routeByVerdict(_ node: Node?) throws(ConfigurationError) -> [Verdict: String] {
        guard let node else { return [:] }
        let fields = try mapping(node, path: "rt.route_by_verdict", allowed: Set(Verdict.allCases.map(\.rawValue)))
        var routes: [Verdict: String] = [:]
        for (name, queue) in fields {
            guard let verdict = Verdict(rawValue: name) else { continue }
            routes[verdict] = try queueName(queue, path: "rt.route_by_verdict.\(name)")
        }
        return routes
    }

    /// The intake answers on the ticket through the RT sink, so it needs `sink: rt`.
    func requireRequestTrackerSinkForIntake(_ node: Node?, sink: SinkConfiguration) throws(ConfigurationError) {
        guard let node, case .mapping(let section) = node, let key = section.keys.first(where: { $0.string == "intake" }) else { return }
        if case .requestTracker = sink { return }
        throw problem("rt.intake needs sink: rt (the diagnosis is answered on the ticket by the RT sink)", key)
    }

    /// A queue (or custom field, or status) name: letters, digits, spaces, '-' and '_'.
    func queueName(_ node: Node?, path: String, what: String = "queue") throws(ConfigurationError) -> String {
        guard let node else { throw ConfigurationError("\(path) is missing", file: file) }
        let name = try string(node, path: path)
        guard RequestTrackerSink.isPlainName(name) else {
            throw problem("\(path): \(what) '\(name)' may hold only letters, digits, spaces, '-' and '_'", node)
        }
        return name
    }
}
