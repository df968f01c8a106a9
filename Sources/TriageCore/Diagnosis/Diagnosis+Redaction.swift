extension Diagnosis {
    /// The diagnosis with every text that came from a device passed through `Redaction` again.
    /// `triage diagnose` redacts as it reads; a diagnosis read from a file (`triage store record`)
    /// was made elsewhere, by anyone, and is redacted before it is stored or acted on.
    public func redacted() -> Diagnosis {
        var diagnosis = self
        diagnosis.sections = Redaction.redact(sections)
        diagnosis.findings = findings.map { finding in
            var redacted = finding
            redacted.message = Redaction.redact(text: finding.message)
            redacted.evidence = finding.evidence.map { Evidence(section: $0.section, lines: Self.redacted($0.lines)) }
            return redacted
        }
        diagnosis.warnings = warnings.map { Redaction.redact(text: $0) }
        return diagnosis
    }

    /// Evidence lines are redacted as one text, so that a JSON value on the line after its name
    /// is found too; masking never adds or removes a line break.
    private static func redacted(_ lines: [String]) -> [String] {
        let joined = Redaction.redact(text: lines.joined(separator: "\n"))
        let split = joined.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return split.count == lines.count ? split : lines.map { Redaction.redact(text: $0) }
    }
}
