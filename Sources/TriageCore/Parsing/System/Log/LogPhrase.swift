/// A phrase of a log pattern, found by comparing UTF-8 bytes. The catalog's phrases are ASCII, so a byte
/// match is a character match; and it is far cheaper than the generic `firstRange(of:)`, which builds a
/// search table per call: the classifier searches every kept line for every pattern.
struct LogPhrase: Sendable {
    let text: String
    private let bytes: [UInt8]

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    /// The first occurrence of the phrase in `message` at or after `start`.
    func firstRange(in message: Substring, from start: Substring.Index? = nil) -> Range<Substring.Index>? {
        let utf8 = message.utf8
        guard let first = bytes.first else { return nil }
        var searchStart = start ?? utf8.startIndex
        while searchStart < utf8.endIndex, let candidate = utf8[searchStart...].firstIndex(of: first) {
            var position = candidate
            var matched = true
            for byte in bytes {
                guard position < utf8.endIndex, utf8[position] == byte else {
                    matched = false
                    break
                }
                position = utf8.index(after: position)
            }
            if matched { return candidate..<position }
            searchStart = utf8.index(after: candidate)
        }
        return nil
    }
}
