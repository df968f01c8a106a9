/// Reads whitespace-separated words off the front of a line while keeping the rest as it is, so the
/// message after a header keeps its own spacing.
struct TokenCursor {
    private(set) var rest: Substring

    init(_ text: Substring) {
        rest = text.drop(while: Self.isBlank)
    }

    mutating func next() -> Substring? {
        guard !rest.isEmpty else { return nil }
        let end = rest.firstIndex(where: Self.isBlank) ?? rest.endIndex
        let word = rest[..<end]
        rest = rest[end...].drop(while: Self.isBlank)
        return word
    }

    /// Drops a raw syslog priority such as `<6>`, which `dmesg -r` and some relays keep.
    mutating func skipSyslogPriority() {
        guard rest.first == "<", let close = rest.firstIndex(of: ">"),
            rest[rest.index(after: rest.startIndex)..<close].allSatisfy(\.isNumber)
        else { return }
        rest = rest[rest.index(after: close)...].drop(while: Self.isBlank)
    }

    private static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }
}
