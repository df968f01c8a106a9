/// One token of a condition, with where it starts.
struct ExpressionToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case word(String)
        /// Operators and punctuation: `==`, `(`, `[`, `.`, `,`, `*`, …
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int

    var describedForError: String {
        switch kind {
        case .number(let value): "the number \(value)"
        case .string(let text): "the text '\(text)'"
        case .word(let word): "'\(word)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "the end of the condition"
        }
    }
}
