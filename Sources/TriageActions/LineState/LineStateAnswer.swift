import Foundation
import TriageCore

/// Reads what a line-state source answered: a JSON object `{"state": "up"|"down"|"unknown"}`
/// (with an optional `"detail"` text), or one of those words alone. Anything else is no answer:
/// the state is unknown, and the detail says what came instead.
enum LineStateAnswer {
    /// A detail from the source is shown to the technician and kept: one line, at most this long.
    static let detailLimit = 200

    /// The state `origin` ("GET http://…", "the command /usr/local/bin/line-state") answered.
    static func read(_ body: Data, from origin: String) -> (state: LineState.State, detail: String) {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let state = LineState.State(rawValue: text.lowercased()) {
            return (state, "\(origin) answered \(state.rawValue)")
        }
        if text.hasPrefix("{"),
           let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
           let word = object["state"] as? String, let state = LineState.State(rawValue: word.lowercased()) {
            let said = (object["detail"] as? String).map(oneLine).flatMap { $0.isEmpty ? nil : ": \($0)" } ?? ""
            return (state, "\(origin) answered \(state.rawValue)\(said)")
        }
        let shown = text.isEmpty ? "nothing" : "'\(oneLine(text))'"
        return (.unknown, "\(origin) answered \(shown), which is no line state "
            + "(expected {\"state\": \"up\"|\"down\"|\"unknown\"} or one of those words)")
    }

    /// Newlines and tabs become spaces, and the text is cut at `detailLimit` characters.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return flat.count > detailLimit ? String(flat.prefix(detailLimit)) + "…" : flat
    }
}
