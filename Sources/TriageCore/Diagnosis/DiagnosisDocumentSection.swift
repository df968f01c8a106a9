extension DiagnosisDocument {
    /// One raw section in the document: `ProbeSection` with snake_case keys.
    struct SectionEntry: Codable, Sendable {
        var kind: ProbeSection.Kind
        var subject: String
        var output: String
        var exitCode: Int?
        var absent: Bool
        var durationMs: Int?
        var truncated: Bool
        var stderr: String

        enum CodingKeys: String, CodingKey {
            case kind, subject, output, exitCode = "exit_code", absent, durationMs = "duration_ms", truncated, stderr
        }

        init(_ section: ProbeSection) {
            kind = section.kind
            subject = section.subject
            output = section.output
            exitCode = section.exitCode
            absent = section.isAbsent
            durationMs = section.durationMilliseconds
            truncated = section.isTruncated
            stderr = section.errorOutput
        }

        var section: ProbeSection {
            ProbeSection(kind: kind, subject: subject, output: output, exitCode: exitCode, isAbsent: absent,
                         durationMilliseconds: durationMs, isTruncated: truncated, errorOutput: stderr)
        }
    }
}
