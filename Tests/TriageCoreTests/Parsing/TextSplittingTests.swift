import Foundation
import Testing

@testable import TriageCore

/// The byte-level splitters give the lines and fields the Character- and regex-based ones gave.
@Suite struct TextSplittingTests {
    static func linesBefore(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    @Test(arguments: ["", "\n", "a", "a\n", "a\nb", "a\r\nb\n", "a\rb", "x\u{0B}y\u{0C}z", "caf\u{E9}\nb", "a\u{2028}b", "\n\n\t x \n"])
    func linesAsBefore(text: String) {
        let lines = TextLines.numbered(text)
        #expect(lines.map { String($0.text) } == Self.linesBefore(text))
        #expect(lines.map(\.number) == Array(1...max(1, lines.count)))
    }

    @Test func linesOfEveryCorpusFileAsBefore() throws {
        var checked = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path) {
            for file in TestPaths.corpusFiles(kind: folder) {
                let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                #expect(TextLines.numbered(text).map { String($0.text) } == Self.linesBefore(text), "\(folder)/\(file.lastPathComponent)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: [
        "", " ", "  ", "\t", "a", "Mode: Master  Channel: 1 (2.412 GHz)", "\tA: b\t\tC: d", "a \tb", "a  \t  b", " a  b ",
        "ESSID: \"x  y\"", "a\t  b", "a \u{301}  b",
    ])
    func iwinfoChunksAsTheRegex(line: String) {
        let substring = Substring(line)
        #expect(IwinfoParser.chunks(of: substring).map(String.init) == substring.split(separator: /\t+| {2,}/).map(String.init))
    }
}
