import Foundation
import Glibc

/// Colour for the summary: only when stdout is a terminal, never in a pipe or a file, never with
/// `NO_COLOR` set (https://no-color.org) or `TERM=dumb`.
struct TerminalStyle {
    enum Tone: String {
        case green = "32", yellow = "33", red = "31", magenta = "35", dim = "2", bold = "1"
    }

    let isEnabled: Bool

    static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        return TerminalStyle(isEnabled: isatty(STDOUT_FILENO) == 1 && !noColour)
    }

    /// `text` in `tone`. Only Triage's own words are painted; device text is never passed here.
    func paint(_ text: String, _ tone: Tone?) -> String {
        guard isEnabled, let tone, !text.isEmpty else { return text }
        return "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m"
    }
}
