import Foundation
import Testing

@testable import TriageCore

/// Golden cases of the link and system parsers: `Golden/<kind>/<case>/` holds `source.txt` (the corpus file,
/// relative to the corpus root) or `raw_output.txt`, and `expected.json`, written by hand from the raw text.
struct GoldenKind: Sendable, CustomTestStringConvertible {
    var folder: String
    var run: @Sendable (String) throws -> String

    var testDescription: String { folder }

    static func parser<Value: Encodable & Sendable>(
        _ folder: String, subject: String, _ parse: @escaping @Sendable (String, String, inout [ParseWarning]) -> Value
    ) -> GoldenKind {
        GoldenKind(folder: folder) { text in
            var warnings: [ParseWarning] = []
            let value = parse(text, subject, &warnings)
            return try GoldenComparison.encode(GoldenOutput(value: value, warnings: warnings))
        }
    }

    static let linkAndSystem: [GoldenKind] = [
        parser("dmesg", subject: "dmesg", SystemLogParser.parse),
        parser("logread", subject: "logread -l 300", SystemLogParser.parse),
        parser("proc-net-dev", subject: "/proc/net/dev", ProcNetDevParser.parse),
        parser("ubus-system-board", subject: "ubus call system board", SystemBoardParser.parse),
        parser(
            "ubus-network-interface-dump", subject: "ubus call network.interface dump", NetworkInterfaceDumpParser.parse
        ),
        parser("ubus-dsl-metrics", subject: "ubus call dsl metrics", DSLMetricsParser.parse),
    ]
}

enum GoldenCases {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func cases(of kind: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent(kind), includingPropertiesForKeys: nil
        ).sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The raw text of a case: its own `raw_output.txt`, or the corpus file `source.txt` names.
    static func rawText(_ caseFolder: URL) throws -> String {
        let raw = caseFolder.appendingPathComponent("raw_output.txt")
        if FileManager.default.fileExists(atPath: raw.path) { return try TestCorpus.text(raw) }
        let source = try TestCorpus.text(caseFolder.appendingPathComponent("source.txt")).trimmingWhitespace()
        return try TestCorpus.text(TestCorpus.root.appendingPathComponent(source))
    }
}

@Test(arguments: GoldenKind.linkAndSystem)
func goldenCasesMatch(kind: GoldenKind) throws {
    let cases = try GoldenCases.cases(of: kind.folder)
    #expect(!cases.isEmpty)
    for caseFolder in cases {
        let actual = try kind.run(try GoldenCases.rawText(caseFolder))
        let expected = try TestCorpus.text(caseFolder.appendingPathComponent("expected.json"))
        let difference = GoldenComparison.difference(expected: expected, actual: actual)
        #expect(difference == nil, "\(kind.folder)/\(caseFolder.lastPathComponent): \(difference ?? "")")
    }
}
