/// How findings become the one verdict (Docs/verdict-policy.md): a security
/// finding decides alone (`escalate`); otherwise the strongest verdict wins, `replace` over
/// `escalate` over `remediable`; no finding that calls for anything means `healthy`.
public enum VerdictPolicy {
    public static func verdict(for findings: [Finding]) -> Verdict {
        if findings.contains(where: \.isSecurity) { return .escalate }
        return findings.map(\.verdict).max() ?? .healthy
    }
}
