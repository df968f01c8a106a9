import Foundation
import Logging
import Testing
import TriageTestSupport

@testable import TriageCore

/// `triage sweep --json-lines` writes documents without `JSONEncoder`: the bytes must be the ones
/// `JSONEncoder` (sorted keys, slashes unescaped) wrote before.
@Suite struct JSONTextWriterTests {
    static func throughEncoder<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test func oddStringsNumbersAndRepeatedKeysAsJSONEncoderWritesThem() throws {
        let value = JSONValue.object(JSONObject(entries: [
            ("text", .string("é \u{1b}[31m \"q\" back\\slash /path\n\r\t\u{08}\u{0C}\u{00}\u{7F} 🚀")),
            ("numbers", .array([.number(0), .number(-7), .number(0.1), .number(1e-300), .number(2.5e20), .number(-1.25),
                                .number(9.0e18), .number(123_456_789_012)])),
            ("mode", .string("ap")), ("b", .bool(true)), ("B", .bool(false)), ("a10", .null), ("a2", .array([])),
            ("mode", .string("sta")), ("_", .object(JSONObject())),
            ("nested", .object(JSONObject(entries: [("z", .number(1)), ("a", .array([.object(JSONObject(entries: [("y", .null), ("x", .string(""))]))]))]))),
        ]))
        #expect(JSONTextWriter.bytes(value) == (try Self.throughEncoder(value)))
    }

    /// The facts of every corpus file, real and garbled outputs.
    @Test func factsOfEveryCorpusFileAsJSONEncoderWritesThem() throws {
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
                for group in [FactDocument.encode(facts.wlan), FactDocument.encode(facts.link),
                              FactDocument.encode(facts.led), FactDocument.encode(facts.system)] {
                    #expect(JSONTextWriter.bytes(group) == (try Self.throughEncoder(group)), "\(folder)/\(file.lastPathComponent)")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    /// A whole diagnosis of the healthy scenario, facts and sections included.
    @Test func aDiagnosisDocumentLineAsJSONEncoderWritesIt() async throws {
        var device = InMemoryDevice()
        device.sections = try await HealthySections.shared.byProbe()
        let catalog = try ProbeCatalog.bundled()
        let outcome = await ProbeRunner(catalog: catalog, retry: ConnectRetryPolicy(attempts: 1, spacing: .zero))
            .run(on: ProbedDevice(id: "cpe-1", host: "192.0.2.1", endpoint: "192.0.2.1:22"),
                 through: InMemoryProbeTransport(device: device, catalog: catalog),
                 logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let (diagnosis, facts) = Diagnoser(rules: try RuleBook.load()).diagnose(outcome, request: .init(requestedBy: "test"))
        let document = DiagnosisDocument(diagnosis, facts: facts, actions: ["none"])
        let line = try document.jsonLine()
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
        #expect(Array(line.dropLast()) == (try Self.throughEncoder(document)))
        #expect(line.count > 1000)
    }
}
