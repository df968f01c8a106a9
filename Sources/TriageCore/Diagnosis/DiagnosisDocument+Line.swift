extension DiagnosisDocument {
    /// The document as one line of compact JSON ending in a newline: the JSON that `JSONEncoder`
    /// with `[.sortedKeys, .withoutEscapingSlashes]` writes (`triage sweep --json-lines`), built
    /// without it. The facts are a `JSONValue` already; walking them through `Codable` again for
    /// every device cost a tenth of a sweep's CPU (Docs/benchmarks.md). The rest of the document
    /// is encoded with `facts` null (always written: it is not optional), then the facts put in.
    public func jsonLine() throws -> [UInt8] {
        var withoutFacts = self
        withoutFacts.facts = .null
        var document = try JSONValueEncoder.encode(withoutFacts)
        if case .object(var object) = document, let index = object.entries.firstIndex(where: { $0.key == "facts" }) {
            object.entries[index].value = facts
            document = .object(object)
        }
        var line = JSONTextWriter.bytes(document)
        line.append(UInt8(ascii: "\n"))
        return line
    }
}
