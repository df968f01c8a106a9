/// How findings become the one verdict (DESIGN.md, "Verdicts and the decision policy"): a security
/// finding decides alone (`escalate`); otherwise the strongest verdict wins, `replace` over
/// `escalate` over `remediable`; no finding that calls for anything means `healthy`.
public enum VerdictPolicy {
    public static func verdict(for findings: [Finding]) -> Verdict {
        if findings.contains(where: \.isSecurity) { return .escalate }
        return findings.map(\.verdict).max() ?? .healthy
    }

    /// As above, for a run whose picture may be partial (a probe cut short, evidence a healthy
    /// judgement needs missing, facts that contradict each other): that is never `healthy`. The
    /// rules say why (Rules/transport.yaml); this holds even for a rules folder that lacks them.
    public static func verdict(for findings: [Finding], partialPicture: Bool) -> Verdict {
        let verdict = verdict(for: findings)
        return verdict == .healthy && partialPicture ? .escalate : verdict
    }
}
