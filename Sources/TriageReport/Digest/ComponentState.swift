public import TriageCore

/// One line per component (WLAN, link, LED, system, transport): fine, not seen, or the worst
/// finding about it.
public struct ComponentState: Sendable, Hashable {
    public enum Health: String, Sendable, Hashable {
        case ok, info, warning, fault
        /// Nothing was read for it (no session, or its probe did not run).
        case notSeen = "not seen"
    }

    public let component: Component
    public let health: Health
    /// A few words: the worst finding's code and verdict, or why nothing is known.
    public let detail: String

    init(_ component: Component, in diagnosis: Diagnosis) {
        self.component = component
        let about = diagnosis.findings.filter { $0.component == component }
        let worst = about.max { DiagnosisDigest.severityRank($0.severity) < DiagnosisDigest.severityRank($1.severity) }
        if let worst {
            switch worst.severity {
            case .critical: health = .fault
            case .warning: health = .warning
            case .info: health = .info
            }
            let more = about.count > 1 ? " and \(about.count - 1) more" : ""
            detail = "\(worst.code) (\(worst.isSecurity ? "security" : worst.verdict.rawValue))\(more)"
        } else if component == .transport {
            health = .ok
            detail = "session opened, probes read"
        } else if diagnosis.sections.isEmpty {
            health = .notSeen
            detail = "no probe output (see transport)"
        } else {
            health = .ok
            detail = "no finding"
        }
    }

    public var name: String {
        switch component {
        case .wlan: "WLAN"
        case .link: "link"
        case .led: "LED"
        case .system: "system"
        case .transport: "transport"
        }
    }
}
