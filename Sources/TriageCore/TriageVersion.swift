/// Triage's own version, shown by `triage --version` and recorded with every diagnosis.
public enum TriageVersion {
    public static let current = "0.1.0"
}
