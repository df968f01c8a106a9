/// Masks the values of JSON members whose name is a secret: `"key": "…"`, `"k\u0065y": "…"`,
/// `"password": 1234`, and containers (`"key": [` with the values on the following lines).
///
/// One pass over the bytes, with no backtracking: every byte is looked at a bounded number of
/// times, so a 4 MB line costs about 4 MB. Device output is not always JSON, so the scanner
/// never trusts it: a quote that opens no string on its line is copied as it is.
struct JSONMemberMasker {
    /// Longer names are no secret names; the string is still skipped whole.
    static let maximumNameLength = 256

    private let input: [UInt8]
    private var output: [UInt8] = []
    private var position = 0

    static func mask(_ input: [UInt8]) -> [UInt8] {
        var masker = JSONMemberMasker(input: input)
        masker.run()
        return masker.output
    }

    private init(input: [UInt8]) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    private mutating func run() {
        while position < input.count {
            guard input[position] == ASCII.quote, let string = JSONStringScan(input, at: position) else {
                output.append(input[position])
                position += 1
                continue
            }
            let afterName = skipWhitespace(from: string.end)
            guard afterName < input.count, input[afterName] == ASCII.colon, let name = string.decodedName,
                SecretNames.isSecret(name)
            else {
                output.append(contentsOf: input[position..<string.end])
                position = string.end
                continue
            }
            let valueStart = skipWhitespace(from: afterName + 1)
            output.append(contentsOf: input[position..<valueStart])
            position = valueStart
            maskValue()
        }
    }

    /// The value at `position`: a string, a bare token, or a container whose scalars are all masked.
    private mutating func maskValue() {
        guard position < input.count else { return }
        switch input[position] {
        case ASCII.openBracket, ASCII.openBrace: maskContainer()
        case ASCII.quote: maskScalar()
        // No value (`"key": ,` in broken output): nothing to mask, and the separator stays.
        case let byte where ASCII.endsBareToken(byte): return
        default: maskScalar()
        }
    }

    private mutating func maskScalar() {
        let start = position
        let end: Int
        let content: ArraySlice<UInt8>
        if input[start] == ASCII.quote {
            if let string = JSONStringScan(input, at: start) {
                end = string.end
                content = input[(start + 1)..<(end - 1)]
            } else {
                // A string the device cut off ends at the end of its line.
                end = lineEnd(from: start)
                content = input[(start + 1)..<end]
            }
        } else {
            end = tokenEnd(from: start)
            content = input[start..<end]
        }
        if MaskedValue.isEmpty(content) || content.elementsEqual("null".utf8) {
            output.append(contentsOf: input[start..<end])
        } else {
            output.append(contentsOf: MaskedValue.quotedMask)
        }
        position = end
    }

    /// `[ … ]` or `{ … }`, nested, across lines: scalars are masked, member names and structure
    /// stay, so the JSON still parses. An unclosed container runs to the end of the text.
    private mutating func maskContainer() {
        var depth = 0
        while position < input.count {
            let byte = input[position]
            switch byte {
            case ASCII.openBracket, ASCII.openBrace:
                depth += 1
                output.append(byte)
                position += 1
            case ASCII.closeBracket, ASCII.closeBrace:
                depth -= 1
                output.append(byte)
                position += 1
                if depth == 0 { return }
            case ASCII.comma, ASCII.colon, ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn:
                output.append(byte)
                position += 1
            case ASCII.quote:
                if let string = JSONStringScan(input, at: position), isMemberName(endingAt: string.end) {
                    output.append(contentsOf: input[position..<string.end])
                    position = string.end
                } else {
                    maskScalar()
                }
            default:
                maskScalar()
            }
        }
    }

    private func isMemberName(endingAt end: Int) -> Bool {
        let next = skipWhitespace(from: end)
        return next < input.count && input[next] == ASCII.colon
    }

    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < input.count, ASCII.isJSONWhitespace(input[index]) { index += 1 }
        return index
    }

    private func lineEnd(from start: Int) -> Int {
        input[start...].firstIndex(of: ASCII.newline) ?? input.count
    }

    /// A bare token (number, `true`, or an unquoted word) ends at a separator or whitespace.
    private func tokenEnd(from start: Int) -> Int {
        var index = start
        while index < input.count, !ASCII.endsBareToken(input[index]) { index += 1 }
        return max(index, start + 1)
    }
}
