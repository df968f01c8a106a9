/// Masks secret values in lines of configuration and logs, one line at a time:
///
/// - `uci show`: `wireless.default_radio0.key='…'` → `wireless.default_radio0.key='<redacted>'`;
/// - uci config: `option key '…'`, `list sae_password '…'` → `option key '<redacted>'`;
/// - a `name=value` line (hostapd, wpa_supplicant): `wpa_passphrase=…` → `wpa_passphrase=<redacted>`;
/// - `name=value` inside a line (a log message): `key='…'`, `password="…"` keep their quotes
///   around the mask; an unquoted value is masked to the end of the line (a passphrase may hold
///   spaces), or, inside a double-quoted string, to its closing quote.
///
/// Linear: each byte of a line is looked at a bounded number of times.
struct AssignmentMasker {
    static func mask(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var start = 0
        while start < input.count {
            let end = input[start...].firstIndex(of: ASCII.newline) ?? input.count
            // A `\r\n` line keeps its `\r`: a value masked to the end of the line stops before it.
            let hasReturn = end > start && input[end - 1] == ASCII.carriageReturn
            maskLine(input[start..<(hasReturn ? end - 1 : end)], into: &output)
            if hasReturn { output.append(ASCII.carriageReturn) }
            if end < input.count { output.append(ASCII.newline) }
            start = end + 1
        }
        return output
    }

    private static func maskLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        if let masked = UCIConfigLine.mask(line) { return output.append(contentsOf: masked) }
        let shape = LineShape(line)
        var copied = line.startIndex
        var quotes = 0
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == ASCII.quote { quotes += 1 }
            guard byte == ASCII.equals, let value = secretValue(in: line, shape: shape, equalsAt: index, insideQuotes: quotes % 2 == 1)
            else {
                index += 1
                continue
            }
            output.append(contentsOf: line[copied..<value.range.lowerBound])
            output.append(contentsOf: value.replacement)
            copied = value.range.upperBound
            index = max(value.range.upperBound, index + 1)
            quotes += line[value.range].count { $0 == ASCII.quote }
        }
        output.append(contentsOf: line[copied...])
    }

    private struct Value {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    /// Where a line's text starts and where its first blank or `=` is, found once per line so
    /// that many assignments on one line do not each look back to its start.
    private struct LineShape {
        /// The first byte that is not blank.
        var textStart: Int
        /// The first blank or `=`: a `uci show` path (`wireless.radio0.key`) ends there.
        var pathEnd: Int

        init(_ line: ArraySlice<UInt8>) {
            textStart = line.firstIndex { !ASCII.isBlank($0) } ?? line.endIndex
            pathEnd = line.firstIndex { ASCII.isBlank($0) || $0 == ASCII.equals } ?? line.endIndex
        }
    }

    /// The value after the `=` at `equals` when the name before it is a secret one and the value is not empty.
    private static func secretValue(in line: ArraySlice<UInt8>, shape: LineShape, equalsAt equals: Int, insideQuotes: Bool)
        -> Value?
    {
        let next = equals + 1
        if next < line.endIndex, line[next] == ASCII.equals { return nil }  // `==` compares, it does not assign
        var nameEnd = equals
        while nameEnd > line.startIndex, ASCII.isBlank(line[nameEnd - 1]) { nameEnd -= 1 }
        var nameStart = nameEnd
        while nameStart > line.startIndex, ASCII.isNameByte(line[nameStart - 1]) { nameStart -= 1 }
        guard nameStart < nameEnd, SecretNames.isSecret(String(decoding: line[nameStart..<nameEnd], as: UTF8.self)) else {
            return nil
        }
        var valueStart = next
        while valueStart < line.endIndex, ASCII.isBlank(line[valueStart]) { valueStart += 1 }
        let rest = valueStart..<line.endIndex
        let value: Value
        if nameStart <= shape.textStart {
            value = Value(range: rest, replacement: MaskedValue.mask)
        } else if line[nameStart - 1] == ASCII.dot, shape.pathEnd >= nameStart {
            value = Value(range: rest, replacement: MaskedValue.apostropheMask)
        } else if next < line.endIndex, line[next] == ASCII.apostrophe || line[next] == ASCII.quote {
            // In the middle of a line the value starts right after `=`: `pin= channel=6` sets no pin.
            let quote = line[next]
            let close = line[(next + 1)...].firstIndex(of: quote) ?? line.endIndex
            value = Value(range: (next + 1)..<close, replacement: MaskedValue.mask)
        } else {
            let end = insideQuotes ? (line[next...].firstIndex(of: ASCII.quote) ?? line.endIndex) : line.endIndex
            value = Value(range: next..<end, replacement: MaskedValue.mask)
            if next < line.endIndex, ASCII.isBlank(line[next]) { return nil }
        }
        return MaskedValue.isEmpty(line[value.range]) ? nil : value
    }
}
