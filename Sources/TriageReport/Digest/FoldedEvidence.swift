import Foundation
public import TriageCore

/// Evidence folded to the lines that matter: the lines that name what the finding's message names
/// (an interface, a radio, a trigger), else the first few. The rest is counted, not shown;
/// `--evidence` and the HTML report show all of it.
public struct FoldedEvidence: Sendable, Hashable {
    public let section: String
    public let lines: [String]
    /// Lines left out.
    public let hidden: Int

    /// Lines shown of a folded section; a section of up to `foldedAbove` lines is shown whole.
    public static let shownLines = 4
    public static let foldedAbove = 6

    public init(_ evidence: Evidence, of finding: Finding, all: Bool = false) {
        section = evidence.section
        let lines = evidence.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !all, lines.count > Self.foldedAbove else {
            self.lines = lines
            hidden = 0
            return
        }
        let words = Self.words(of: finding.message)
        let matching = lines.filter { line in words.contains { line.contains($0) } }
        self.lines = Array((matching.isEmpty ? lines : matching).prefix(Self.shownLines))
        hidden = lines.count - self.lines.count
    }

    /// The message's distinctive words: names and values (`radio0`, `phy0`, `default-on`), not prose.
    static func words(of message: String) -> [String] {
        message.split { !($0.isLetter || $0.isNumber || "-_:".contains($0)) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ":-_")) }
            .filter { word in word.count >= 3 && word.contains { $0.isNumber || "-_:".contains($0) } }
    }
}
