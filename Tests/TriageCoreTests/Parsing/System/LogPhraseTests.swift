import Testing

@testable import TriageCore

@Suite struct LogPhraseTests {
    @Test func findsTheFirstOccurrenceAfterPartialMatches() {
        let message: Substring = "aaab aab"
        let range = LogPhrase("aab").firstRange(in: message)
        #expect(range.map { message[$0] } == "aab")
        #expect(range.map { message.distance(from: message.startIndex, to: $0.lowerBound) } == 1)
    }

    @Test func worksAroundNonASCIIText() {
        let message = "Remote message: ÄÖÜ##User not found — PAP authentication failed"[...]
        let range = LogPhrase("PAP authentication failed").firstRange(in: message)
        #expect(range.map { String(message[$0]) } == "PAP authentication failed")
        #expect(LogPhrase("not found").firstRange(in: message, from: range?.lowerBound) == nil)
    }

    @Test func noMatchInShortOrEmptyText() {
        #expect(LogPhrase("link up").firstRange(in: "link u") == nil)
        #expect(LogPhrase("link up").firstRange(in: "") == nil)
        #expect(LogPhrase("").firstRange(in: "anything") == nil)
    }
}
