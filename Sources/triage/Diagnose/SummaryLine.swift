/// One line of the summary: a lead of Triage's own words, which may be coloured, then text that
/// may hold what the device or the inventory said, which never is.
struct SummaryLine: Equatable {
    /// Triage's own words before the lead, never coloured (a component's name).
    var label = ""
    var lead: String
    var tone: TerminalStyle.Tone?
    var text: String

    init(_ lead: String, _ tone: TerminalStyle.Tone? = nil, _ text: String = "", label: String = "") {
        self.label = label
        self.lead = lead
        self.tone = tone
        self.text = text
    }

    /// With colour on, the device's part is neutralised here (`TerminalText`), because coloured
    /// output reaches the terminal past the stdout filter (`StyledOutput`).
    func rendered(_ style: TerminalStyle) -> String {
        guard style.isEnabled else { return label + lead + text }
        return label + style.paint(lead, tone) + TerminalText.neutralised(text)
    }
}
