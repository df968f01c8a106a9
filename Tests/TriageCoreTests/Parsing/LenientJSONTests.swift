import Testing
import TriageCore

@Suite struct LenientJSONTests {
    @Test func readsPlainJSON() {
        let result = LenientJSON.parse(#"{"a": [1, -2.5, "x\u00e9\n", true, false, null], "b": {}}"#)
        #expect(result.isComplete)
        #expect(result.problems.isEmpty)
        #expect(result.value?["a"]?.array?.count == 6)
        #expect(result.value?["a"]?.array?.first?.int == 1)
        #expect(result.value?["a"]?.array?[1].double == -2.5)
        #expect(result.value?["a"]?.array?[1].int == nil)
        #expect(result.value?["a"]?.array?[2].string == "xé\n")
        #expect(result.value?["b"]?.object?.isEmpty == true)
    }

    @Test func keepsDuplicateKeysInOrder() {
        let result = LenientJSON.parse(#"{"mode": "ap", "ssid": "x", "mode": "sta"}"#)
        #expect(result.isComplete)
        #expect(result.value?.object?.keys == ["mode", "ssid", "mode"])
        #expect(result.value?["mode"]?.string == "ap")
        #expect(result.value?.values(forKey: "mode").compactMap(\.string) == ["ap", "sta"])
    }

    @Test func returnsPartialStructureOfTruncatedInput() {
        let result = LenientJSON.parse(#"{"freq": 5200, "clients": {"aa": {"auth": true, "rate": {"rx": 58"#)
        #expect(!result.isComplete)
        #expect(result.value?["freq"]?.int == 5200)
        #expect(result.value?["clients"]?["aa"]?["auth"]?.bool == true)
        // The number cut in the middle is not kept: 58 may have been 585100.
        #expect(result.value?["clients"]?["aa"]?["rate"]?.object?.isEmpty == true)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.contains("ends inside a number") == true)
    }

    @Test func dropsTruncatedStringsAndKeys() {
        let cutValue = LenientJSON.parse(#"{"a": 1, "b": "hal"#)
        #expect(!cutValue.isComplete)
        #expect(cutValue.value?.object?.keys == ["a"])
        let cutKey = LenientJSON.parse(#"[{"a": 1, "b"#)
        #expect(cutKey.value?.array?.first?["a"]?.int == 1)
        let cutLiteral = LenientJSON.parse(#"{"up": tr"#)
        #expect(cutLiteral.value?.object?.isEmpty == true)
    }

    @Test func toleratesTextAroundTheValue() {
        let result = LenientJSON.parse("Command failed?\n{\"a\": 1}\nroot@OpenWrt:~# ")
        #expect(result.isComplete)
        #expect(result.value?["a"]?.int == 1)
        #expect(result.problems.count == 2)
    }

    @Test func readsThroughTrailingAndMissingCommas() {
        let result = LenientJSON.parse(#"{"a": [1, 2,], "b": 1 "c": 2,}"#)
        #expect(result.isComplete)
        #expect(result.value?["a"]?.array?.count == 2)
        #expect(result.value?["c"]?.int == 2)
        #expect(result.problems.count == 3)
    }

    @Test func stopsAtGarbageKeepingWhatWasRead() {
        let result = LenientJSON.parse(#"{"a": 1, "b": @@@, "c": 3}"#)
        #expect(!result.isComplete)
        #expect(result.value?.object?.keys == ["a"])
        #expect(result.problems.first?.hasPrefix("line 1, column 15:") == true)
    }

    @Test func emptyAndNonJSONInputGiveNoValue() {
        for text in ["", "   \n\t", "Command failed: Not found", "\u{0}\u{1}\u{2}"] {
            let result = LenientJSON.parse(text)
            #expect(result.value == nil)
            #expect(!result.isComplete)
            #expect(!result.problems.isEmpty)
        }
    }

    @Test func survivesDeepNestingAndInvalidEscapes() {
        let deep = LenientJSON.parse(String(repeating: "[", count: 100_000))
        #expect(!deep.isComplete)
        let escapes = LenientJSON.parse(#"["\q", "\ud83d\ude00", "\ud800", "\u12"]"#)
        #expect(escapes.value?.array?.first?.string == "q")
        #expect(escapes.value?.array?[1].string == "😀")
        #expect(escapes.value?.array?[2].string == "\u{FFFD}")
        #expect(!escapes.isComplete)
    }

    @Test func toleratesInvalidUTF8AndNumbers() {
        let bytes: [UInt8] = Array(#"{"s": ""#.utf8) + [0xFF, 0xFE] + Array(#"", "n": 1.2.3}"#.utf8)
        let result = LenientJSON.parse(String(decoding: bytes, as: UTF8.self))
        #expect(result.value?["s"]?.string?.isEmpty == false)
        #expect(result.value?["n"] == nil)
        #expect(!result.isComplete)
    }

    @Test func bigIntegersStayNumbers() {
        let result = LenientJSON.parse("[18446744073577465064, 3.0, 1e400]")
        #expect(result.value?.array?.first?.double != nil)
        #expect(result.value?.array?.first?.int == nil)
        #expect(result.value?.array?[1].int == 3)
        #expect(!result.isComplete)
    }
}
