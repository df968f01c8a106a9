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

    /// Every optional member present and absent: findings with and without remedy, reference and
    /// evidence, a device with and without its details, an origin ticket, sections without exit
    /// code or duration, and a probe map of several entries.
    @Test func everyOptionalMemberAsJSONEncoderWritesIt() throws {
        let findings = [
            Finding(component: .wlan, code: "wlan.radio-disabled", severity: .critical, message: "radio0 is \"off\"",
                    verdict: .remediable, remedy: "uci set wireless.radio0.disabled=0", reference: "KB-12",
                    evidence: [Evidence(section: "uci show wireless", lines: ["a", "b/c"]), Evidence(section: "x", lines: [])],
                    ruleID: "wlan-radio-disabled"),
            Finding(component: .link, code: "link.down", severity: .warning, message: "", verdict: .escalate,
                    isSecurity: true, ruleID: "r2"),
        ]
        let sections = [
            ProbeSection(kind: .command, subject: "iw dev", output: "phy#0\n\tInterface wlan0\u{1}", exitCode: 0,
                         isAbsent: false, durationMilliseconds: 12, isTruncated: false, errorOutput: ""),
            ProbeSection(kind: .file, subject: "/sys/class/net/eth0/carrier", output: "", exitCode: nil, isAbsent: true,
                         durationMilliseconds: nil, isTruncated: true, errorOutput: "No such file\n"),
        ]
        let devices = [DeviceSummary(id: "cpe-1", host: "192.0.2.1"),
                       DeviceSummary(id: "cpe-2", host: "h", model: "m", firmware: "f", serial: "s", customer: "c")]
        for (device, originTicket) in zip(devices, [nil, "rt:4711"]) {
            let diagnosis = Diagnosis(device: device, requestedBy: "ticket:4711", originTicket: originTicket,
                                      startedAt: Date(timeIntervalSince1970: 1_796_353_524.688), durationMilliseconds: 1234,
                                      verdict: .escalate, findings: findings, rulesFired: ["r2", "wlan-radio-disabled"],
                                      probeSHA256: ["wlan": "ab", "link": "cd", "led": "ef"], sections: sections,
                                      warnings: ["w1"])
            let document = DiagnosisDocument(diagnosis, facts: .object(JSONObject(entries: [("b", .number(1)), ("a", .null)])),
                                             actions: ["ticket", "note"])
            #expect(Array(try document.jsonLine().dropLast()) == (try Self.throughEncoder(document)))
        }
    }
}
