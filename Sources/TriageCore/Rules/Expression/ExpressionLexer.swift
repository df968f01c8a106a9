/// Splits a condition into tokens: numbers, quoted texts, words and operators.
enum ExpressionLexer {
    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<=", ">="]
    private static let oneCharacterSymbols: Set<Character> = ["<", ">", "(", ")", "[", "]", ",", ".", "*", "+", "-", "/"]

    static func tokens(_ text: String) throws(ExpressionSyntaxError) -> [ExpressionToken] {
        let characters = Array(text)
        var tokens: [ExpressionToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let start = index
            if character == "\"" || character == "'" {
                tokens.append(ExpressionToken(kind: .string(try quoted(characters, &index)), offset: start))
            } else if character.isNumber {
                while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
                let literal = String(characters[start..<index])
                guard let value = Double(literal) else {
                    throw ExpressionSyntaxError(offset: start, message: "'\(literal)' is not a number")
                }
                tokens.append(ExpressionToken(kind: .number(value), offset: start))
            } else if character.isLetter || character == "_" {
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                tokens.append(ExpressionToken(kind: .word(String(characters[start..<index])), offset: start))
            } else if index + 1 < characters.count, twoCharacterSymbols.contains(String(characters[index...index + 1])) {
                tokens.append(ExpressionToken(kind: .symbol(String(characters[index...index + 1])), offset: start))
                index += 2
            } else if oneCharacterSymbols.contains(character) {
                tokens.append(ExpressionToken(kind: .symbol(String(character)), offset: start))
                index += 1
            } else {
                let hint = character == "=" ? " (compare with '==')" : character == "!" ? " (negate with 'not')" : ""
                throw ExpressionSyntaxError(offset: start, message: "unexpected character '\(character)'\(hint)")
            }
        }
        tokens.append(ExpressionToken(kind: .end, offset: characters.count))
        return tokens
    }

    /// A text in single or double quotes; a backslash makes the next character literal.
    private static func quoted(_ characters: [Character], _ index: inout Int) throws(ExpressionSyntaxError) -> String {
        let quote = characters[index]
        let start = index
        index += 1
        var text = ""
        while index < characters.count, characters[index] != quote {
            if characters[index] == "\\", index + 1 < characters.count { index += 1 }
            text.append(characters[index])
            index += 1
        }
        guard index < characters.count else {
            throw ExpressionSyntaxError(offset: start, message: "the text starting here has no closing \(quote)")
        }
        index += 1
        return text
    }
}
