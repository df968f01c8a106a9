import Foundation

/// Reads a condition into a `RuleExpression`, checking what can be checked before any facts are
/// seen: syntax, function names and arities, fact groups, and regular expressions.
///
/// Grammar (lowest precedence first):
///   or := and ("or" and)*         and := unary ("and" unary)*       unary := "not" unary | comparison
///   comparison := sum (op sum)?   op: == != < <= > >= contains matches in
///   sum := product (("+"|"-") product)*   product := postfix (("*"|"/") postfix)*
///   postfix := primary ("." word | "[" "*" "]" | "[" integer "]")*
///   primary := number | text | true | false | null | it | word | word "(" args ")" | "(" or ")" | "[" list "]"
public struct ExpressionParser {
    /// The first words a path may start with outside a predicate.
    public static let factGroups = ["wlan", "link", "led", "system", "transport", "probes", "line", "findings"]

    private let tokens: [ExpressionToken]
    private var position = 0
    /// How many predicates (`any(list, …)`) enclose the current token: inside one, bare words are element fields.
    private var predicateDepth = 0

    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> RuleExpression {
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(text))
        let expression = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw parser.error("expected 'and', 'or' or an operator, found \(parser.current.describedForError)")
        }
        return expression
    }

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    private var current: ExpressionToken { tokens[position] }

    private func error(_ message: String, at token: ExpressionToken? = nil) -> ExpressionSyntaxError {
        ExpressionSyntaxError(offset: (token ?? current).offset, message: message)
    }

    private mutating func take(word: String) -> Bool {
        guard case .word(word) = current.kind else { return false }
        position += 1
        return true
    }

    private mutating func take(symbol: String) -> Bool {
        guard case .symbol(symbol) = current.kind else { return false }
        position += 1
        return true
    }

    private mutating func expect(symbol: String, _ context: String) throws(ExpressionSyntaxError) {
        guard take(symbol: symbol) else { throw error("expected '\(symbol)' \(context), found \(current.describedForError)") }
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> RuleExpression {
        var result = try parseAnd()
        while take(word: "or") { result = .or(result, try parseAnd()) }
        return result
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> RuleExpression {
        var result = try parseUnary()
        while take(word: "and") { result = .and(result, try parseUnary()) }
        return result
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> RuleExpression {
        if take(word: "not") { return .not(try parseUnary()) }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> RuleExpression {
        let left = try parseSum()
        let operatorToken = current
        let spelled: String? = switch current.kind {
        case .symbol(let symbol): symbol
        case .word(let word): word
        default: nil
        }
        guard let spelled, let op = RuleExpression.ComparisonOperator(rawValue: spelled) else { return left }
        position += 1
        let right = try parseSum()
        if op == .matches, case .literal(.string(let pattern)) = right {
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch {
                throw self.error("'\(pattern)' is not a valid regular expression", at: operatorToken)
            }
        }
        return .compare(op, left, right)
    }

    private mutating func parseSum() throws(ExpressionSyntaxError) -> RuleExpression {
        var result = try parseProduct()
        while true {
            if take(symbol: "+") { result = .arithmetic(.plus, result, try parseProduct()) }
            else if take(symbol: "-") { result = .arithmetic(.minus, result, try parseProduct()) }
            else { return result }
        }
    }

    private mutating func parseProduct() throws(ExpressionSyntaxError) -> RuleExpression {
        var result = try parsePostfix()
        while true {
            if take(symbol: "*") { result = .arithmetic(.times, result, try parsePostfix()) }
            else if take(symbol: "/") { result = .arithmetic(.dividedBy, result, try parsePostfix()) }
            else { return result }
        }
    }

    private mutating func parsePostfix() throws(ExpressionSyntaxError) -> RuleExpression {
        var result = try parsePrimary()
        while true {
            if take(symbol: ".") {
                guard case .word(let field) = current.kind else { throw error("expected a field name after '.'") }
                position += 1
                result = .member(result, .field(field))
            } else if take(symbol: "[") {
                if take(symbol: "*") {
                    result = .member(result, .every)
                } else if case .number(let number) = current.kind, number >= 0, number == number.rounded() {
                    position += 1
                    result = .member(result, .index(Int(number)))
                } else {
                    throw error("expected '*' or an index (0, 1, …) inside [ ]")
                }
                try expect(symbol: "]", "to close [")
            } else {
                return result
            }
        }
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> RuleExpression {
        let token = current
        switch token.kind {
        case .number(let value):
            position += 1
            return .literal(.number(value))
        case .string(let text):
            position += 1
            return .literal(.string(text))
        case .symbol("-"):
            position += 1
            guard case .number(let value) = current.kind else { throw error("expected a number after '-'") }
            position += 1
            return .literal(.number(-value))
        case .symbol("("):
            position += 1
            let inner = try parseOr()
            try expect(symbol: ")", "to close (")
            return inner
        case .symbol("["):
            position += 1
            var items: [RuleExpression] = []
            if !take(symbol: "]") {
                repeat { items.append(try parseSum()) } while take(symbol: ",")
                try expect(symbol: "]", "to close the list")
            }
            return .list(items)
        case .word(let word):
            position += 1
            return try parseWord(word, token: token)
        default:
            throw error("expected a fact, a value or '(', found \(token.describedForError)")
        }
    }

    private mutating func parseWord(_ word: String, token: ExpressionToken) throws(ExpressionSyntaxError) -> RuleExpression {
        switch word {
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        case "null": return .literal(.null)
        case "it":
            guard predicateDepth > 0 else { throw error("'it' means the element inside any(…), all(…), count(…) or where(…)", at: token) }
            return .element
        case "and", "or", "not", "contains", "matches", "in":
            throw error("expected a fact or a value before '\(word)'", at: token)
        default: break
        }
        if take(symbol: "(") {
            guard let function = ExpressionFunction(rawValue: word) else {
                let names = ExpressionFunction.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("unknown function '\(word)' (the functions are \(names))", at: token)
            }
            return .call(function, try parseArguments(of: function, token: token))
        }
        if predicateDepth == 0, !Self.factGroups.contains(word) {
            let groups = Self.factGroups.joined(separator: ", ")
            throw error("unknown fact '\(word)': paths start with one of \(groups)", at: token)
        }
        return .name(word)
    }

    private mutating func parseArguments(of function: ExpressionFunction, token: ExpressionToken) throws(ExpressionSyntaxError) -> [RuleExpression] {
        var arguments: [RuleExpression] = []
        if !take(symbol: ")") {
            repeat {
                let isPredicate = function.takesPredicate && arguments.count == 1
                if isPredicate { predicateDepth += 1 }
                arguments.append(try parseOr())
                if isPredicate { predicateDepth -= 1 }
            } while take(symbol: ",")
            try expect(symbol: ")", "to close \(function.rawValue)(")
        }
        guard function.arity.contains(arguments.count) else {
            throw error("\(function.rawValue) takes \(function.signature), not \(arguments.count) argument(s)", at: token)
        }
        return arguments
    }
}
