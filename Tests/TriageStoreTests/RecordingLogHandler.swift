import Logging
import Synchronization

/// A log handler that keeps every line (message and metadata) for a test to read: how the tests
/// see what a background loop did, and check that no secret reached a log.
final class RecordingLogHandler: LogHandler, Sendable {
    private let recorded = Mutex<[String]>([])

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    var lines: [String] { recorded.withLock { $0 } }

    var logger: Logger { Logger(label: "triage-tests") { _ in self } }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorded.withLock { $0.append("\(event.level) \(event.message) \(fields)") }
    }
}
