/// Decides whether a section has output worth parsing, and says why not.
enum SectionInput {
    /// Exit code of a command the device lacks.
    static let missingTool = 127

    /// The section's output if it should be parsed, warning about what makes it doubtful;
    /// `nil` for an absent file or a missing tool (normal situations, not warnings) and for a
    /// failed command that printed nothing.
    static func text(of section: ProbeSection, warnings: inout WarningCollector) -> String? {
        if section.isAbsent { return nil }
        if section.kind == .command, section.exitCode == missingTool { return nil }
        if section.isTruncated {
            warnings.add("the output was cut short; later entries may be missing")
        }
        if let code = section.exitCode, code != 0 {
            guard section.output.contains(where: { !$0.isWhitespace }) else {
                warnings.add("the command failed (exit code \(code)) and printed nothing")
                return nil
            }
            warnings.add("the command failed (exit code \(code)); reading what it printed")
        }
        return section.output
    }
}
