import Foundation

extension JSONValue {
    /// The value as one line of JSON (keys sorted), cut at `limit` characters with `…`: fact
    /// values quoted in an explanation stay readable however long the list behind them is.
    public func compactText(limit: Int = 160) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        guard text.count > limit else { return text }
        return String(text.prefix(max(limit - 1, 0))) + "…"
    }
}
