public import TriageCore

/// The verdicts in a technician's words (Docs/verdict-policy.md).
public enum VerdictWords {
    public static func meaning(of verdict: Verdict) -> String {
        switch verdict {
        case .healthy: "the router works; the fault is elsewhere"
        case .remediable: "a configuration or state problem second level can fix"
        case .replace: "the router's hardware is broken"
        case .escalate: "beyond second level: third level takes it"
        }
    }

    /// What to do when no finding names a remedy.
    public static func step(for verdict: Verdict) -> String {
        switch verdict {
        case .healthy: "Nothing to fix on the router: hand the case back to first level (customer side, a single client)."
        case .remediable: "Fix the configuration or state the findings name, then diagnose again."
        case .replace: "Send the customer a replacement router."
        case .escalate: "Hand the case to third level with this evidence."
        }
    }

    /// `replace` > `escalate` > `remediable` > `healthy`, as the decision policy ranks them.
    static func rank(_ verdict: Verdict) -> Int {
        Verdict.allCases.sorted().firstIndex(of: verdict) ?? 0
    }
}
