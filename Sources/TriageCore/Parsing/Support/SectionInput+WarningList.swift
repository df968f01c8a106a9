extension SectionInput {
    /// `text(of:warnings:)` for a facts group, whose warnings are a plain list.
    static func text(of section: ProbeSection, addingWarningsTo list: inout [ParseWarning]) -> String? {
        var warnings = WarningCollector(section: section.subject)
        let text = text(of: section, warnings: &warnings)
        list += warnings.warnings
        return text
    }
}
