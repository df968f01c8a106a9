/// The one decision every diagnosis ends in (Docs/verdict-policy.md).
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The device works; the fault is elsewhere. A note goes back to first level.
    case healthy
    /// A configuration or state problem second level can fix. A note with the remedy.
    case remediable
    /// Beyond second level: network side, security, unknown patterns. A third-level ticket.
    case escalate
    /// Broken hardware. A replacement order.
    case replace

    /// The exit status of `triage diagnose` for this verdict.
    public var exitStatus: Int32 {
        switch self {
        case .healthy: 0
        case .remediable: 10
        case .replace: 20
        case .escalate: 30
        }
    }

    /// Precedence when findings disagree: `replace` beats `escalate` beats `remediable` beats
    /// `healthy`. (A security finding beats everything; that is decided on the finding, not here.)
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .healthy: 0
        case .remediable: 1
        case .escalate: 2
        case .replace: 3
        }
    }
}

/// The part of the device a finding is about.
public enum Component: String, Sendable, Hashable, Codable, CaseIterable {
    case wlan, link, led, system, transport
}

public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case info, warning, critical
}
