import Foundation
import Testing

@testable import TriageCore

/// The fact document is built without JSON text in between: it must be the very value that
/// JSONEncoder (sorted keys) and LenientJSON gave before.
@Suite struct JSONValueEncoderTests {
    /// What FactDocument.encode did before: JSON text, then read back.
    static func throughText<Value: Encodable>(_ value: Value) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return .null }
        return LenientJSON.parse(String(decoding: data, as: UTF8.self)).value ?? .null
    }

    struct Sample: Encodable {
        var flag = true
        var text = "é \u{1b}[31m \"quoted\""
        var missing: Int? = nil
        var present: Int? = -7
        var big = Int64.max
        var huge = UInt64.max
        var fraction = 0.1
        var tiny = 1e-300
        var small: Float = 0.1
        var nested = [[1, 2], [], [3]]
        var map = ["b": 1, "B": 2, "a10": 3, "a2": 4, "_": 5]
        var raw = LenientJSON.parse(#"{"mode": "ap", "mode": "sta", "list": [1.5, null, {"z": 1, "a": 2}]}"#).value
        var empty: [String] = []
        var inner = Inner()

        struct Inner: Encodable {
            var zeta = 1
            var alpha = "x"
        }
    }

    @Test func aSampleOfEveryKindEncodesAsThroughText() throws {
        #expect(try JSONValueEncoder.encode(Sample()) == Self.throughText(Sample()))
    }

    @Test func aNonFiniteNumberFailsAsInJSONEncoder() {
        #expect(throws: JSONValueEncoder.NonFiniteNumber.self) { try JSONValueEncoder.encode([Double.nan]) }
        #expect(FactDocument.encode([Double.infinity]) == .null)
    }

    /// Every corpus file through every section kind: the facts of real (and garbled) outputs.
    @Test func factsOfEveryCorpusFileEncodeAsThroughText() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path).sorted()
        #expect(folders.count > 20)
        let subjects = ProbeContractSubjects.all
        var compared = 0
        for folder in folders {
            for file in TestPaths.corpusFiles(kind: folder) {
                let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                let facts = DeviceFacts(sections: subjects.map { subject in
                    ProbeSection(kind: subject.hasPrefix("/") ? .file : .command, subject: subject, output: text)
                })
                for (direct, reference) in [
                    (FactDocument.encode(facts.wlan), Self.throughText(facts.wlan)),
                    (FactDocument.encode(facts.link), Self.throughText(facts.link)),
                    (FactDocument.encode(facts.led), Self.throughText(facts.led)),
                    (FactDocument.encode(facts.system), Self.throughText(facts.system)),
                ] {
                    #expect(direct == reference, "\(folder)/\(file.lastPathComponent)")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }
}
