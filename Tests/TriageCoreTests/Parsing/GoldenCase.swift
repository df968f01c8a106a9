import Foundation
import Testing
import TriageCore

/// One golden test case: a folder `Tests/TriageCoreTests/Golden/<kind>/<case>/` holding
/// `expected.json` and the raw output, either copied in as `raw_output.txt` or named by
/// `source.txt` (one line: a path relative to the corpus root, e.g. `iw-dev/foo.txt`), and
/// optionally `subject.txt`: the section subject (command line or file path) to parse it as.
///
/// `expected.json` is written and reviewed by hand against the raw text. `check(_:)` encodes the
/// parser's result and compares it as JSON: object key order and number spelling (6 vs 6.0)
/// don't matter, everything else does, including fields absent on one side.
///
/// Usage:
///
///     @Test(arguments: GoldenCase.all(kind: "iw-dev"))
///     func iwDevGolden(_ golden: GoldenCase) throws {
///         try golden.check(IwDevParser.parse(golden.rawOutput(), subject: golden.subject(default: "iw dev")))
///     }
///
/// With `GOLDEN_WRITE_ACTUAL=1` in the environment a mismatching case writes `actual.json`
/// beside `expected.json` (never over it) to help the review.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let kind: String
    let name: String
    let directory: URL

    var testDescription: String { "\(kind)/\(name)" }

    static let goldenRoot = TestPaths.testsDirectory.appendingPathComponent("Golden")

    /// Every case folder under `Golden/<kind>/`, sorted by name.
    static func all(kind: String) -> [GoldenCase] {
        let folder = goldenRoot.appendingPathComponent(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            let directory = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("expected.json").path)
            else { return nil }
            return GoldenCase(kind: kind, name: name, directory: directory)
        }
    }

    /// The raw device output: `raw_output.txt`, or the corpus file `source.txt` names.
    func rawOutput() throws -> String {
        let copied = directory.appendingPathComponent("raw_output.txt")
        if FileManager.default.fileExists(atPath: copied.path) {
            return try String(contentsOf: copied, encoding: .utf8)
        }
        let reference = try String(contentsOf: directory.appendingPathComponent("source.txt"), encoding: .utf8)
        let relative = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        return try String(contentsOf: TestPaths.corpus.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The section subject from `subject.txt`, or `fallback` when the case has none.
    func subject(default fallback: String) -> String {
        let url = directory.appendingPathComponent("subject.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return fallback }
        let subject = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return subject.isEmpty ? fallback : subject
    }

    /// Word `index` (0-based) of the subject, e.g. the interface in `iw dev wlan0 info`.
    func subjectWord(_ index: Int, default fallback: String) -> String {
        let words = subject(default: "").split(separator: " ")
        return index < words.count ? String(words[index]) : fallback
    }

    /// Compares `actual`, encoded to JSON, with `expected.json`.
    func check(_ actual: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let actualData = try encoder.encode(actual)
        let actualText = String(decoding: actualData, as: UTF8.self)
        let expectedURL = directory.appendingPathComponent("expected.json")
        let expectedText = try String(contentsOf: expectedURL, encoding: .utf8)

        let expected = LenientJSON.parse(expectedText)
        #expect(expected.isComplete && expected.problems.isEmpty,
                "\(testDescription): expected.json is not clean JSON: \(expected.problems)",
                sourceLocation: sourceLocation)
        let matches = expected.value.map(Self.canonical) == LenientJSON.parse(actualText).value.map(Self.canonical)
        if !matches, ProcessInfo.processInfo.environment["GOLDEN_WRITE_ACTUAL"] == "1" {
            try actualData.write(to: directory.appendingPathComponent("actual.json"))
        }
        #expect(matches, "\(testDescription): parser output differs from expected.json. Actual:\n\(actualText)",
                sourceLocation: sourceLocation)
    }

    /// Objects sorted by key, so that only content is compared.
    private static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map(canonical))
        case .object(let object):
            let sorted = object.entries.map { (key: $0.key, value: canonical($0.value)) }.sorted { $0.key < $1.key }
            return .object(JSONObject(entries: sorted))
        default:
            return value
        }
    }
}
