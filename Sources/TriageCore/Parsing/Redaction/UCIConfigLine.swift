/// A uci config line, `option key '…'` or `list sae_password '…'`, whose name is a secret one.
enum UCIConfigLine {
    /// The line with its value masked; nil when it is no such line or its value is empty.
    static func mask(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        var index = skipBlanks(line, from: line.startIndex)
        let keywordStart = index
        while index < line.endIndex, ASCII.isNameByte(line[index]) { index += 1 }
        let keyword = line[keywordStart..<index]
        guard keyword.elementsEqual("option".utf8) || keyword.elementsEqual("list".utf8) else { return nil }
        guard index < line.endIndex, ASCII.isBlank(line[index]) else { return nil }
        index = skipBlanks(line, from: index)
        let nameStart = index
        while index < line.endIndex, ASCII.isNameByte(line[index]) { index += 1 }
        guard nameStart < index, index < line.endIndex, ASCII.isBlank(line[index]),
            SecretNames.isSecret(String(decoding: line[nameStart..<index], as: UTF8.self))
        else { return nil }
        let valueStart = skipBlanks(line, from: index)
        guard !MaskedValue.isEmpty(line[valueStart...]) else { return nil }
        return Array(line[line.startIndex..<valueStart]) + MaskedValue.apostropheMask
    }

    private static func skipBlanks(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, ASCII.isBlank(line[index]) { index += 1 }
        return index
    }
}
