public import Foundation
public import Logging
public import TriageCore

/// Asks the configured source whether a device's line is up (Docs/line-state.md). It never
/// throws and never outlasts its timeout: whatever goes wrong — a device without the field the
/// source needs, an unreadable token, a source that is down, slow or talks nonsense — is Triage's
/// own failure, not news about the line, and gives `unknown` with the reason.
public struct LineStateSource: Sendable {
    public let configuration: LineStateConfiguration
    let environment: [String: String]

    /// Answers from sources are read up to this size; a longer one is no answer.
    static let answerLimit = 64 * 1024

    public init(_ configuration: LineStateConfiguration,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.environment = environment
    }

    public func lookup(_ query: LineStateQuery, logger: Logger) async -> LineState {
        let answer: (state: LineState.State, detail: String)
        switch configuration.kind {
        case .http(let url, let token): answer = await http(url: url, token: token, query: query)
        case .command(let arguments): answer = await command(arguments, query: query)
        }
        let (state, detail) = answer
        let level: Logger.Level = state == .unknown ? .warning : .info
        logger.log(level: level, "line state", metadata: [
            "device": "\(query.device)", "line_state": "\(state.rawValue)", "source": "\(configuration.sourceName)",
            "detail": "\(detail)",
        ])
        return LineState(state: state, source: configuration.sourceName, detail: detail)
    }

    /// The device lacks what a placeholder names: said in inventory terms, so it can be fixed there.
    static func missing(_ missing: LineStateTemplate.MissingValue, query: LineStateQuery) -> (LineState.State, String) {
        (.unknown, "device \(query.device) has no \(missing.placeholder.rawValue) in the inventory, "
            + "which the line-state source needs for {\(missing.placeholder.rawValue)}")
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
