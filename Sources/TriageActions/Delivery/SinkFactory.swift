/// Builds the sink an outbox entry was recorded for from the current config.
enum SinkFactory {
    /// Sinks that never read an entry's evidence: the store leaves it out of their entries.
    static let sinksWithoutEvidence: Set<String> = ["local"]

    static func make(named name: String, configuration: SinkConfiguration) throws(DeliveryFailure) -> any ActionSink {
        switch (name, configuration) {
        case ("local", _): return LocalSink()
        case ("webhook", .webhook(let webhook)): return try WebhookSink(configuration: webhook)
        case ("rt", .requestTracker(let rt)): return try RequestTrackerSink(configuration: rt)
        default:
            throw DeliveryFailure("recorded for the '\(name)' sink, but the config now chooses '\(configuration.name)'; "
                + "configure '\(name)' again to deliver it")
        }
    }
}
