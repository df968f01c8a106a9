import Foundation
import Testing
import TriageActions
import TriageCore
import TriageTestSupport

@Suite("Config file")
struct ConfigurationTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    @Test("The example config reads as documented")
    func example() throws {
        let configuration = try TriageConfiguration.load(path: Self.examples.appendingPathComponent("triage.yaml").path)
        #expect(configuration.sink == .local)
        #expect(configuration.evidenceRetentionDays == 90)
        #expect(configuration.storePath == nil)
    }

    @Test("Each sink with its settings; secrets as references")
    func sinks() throws {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let rt = try CLIFiles.write("""
            store: {path: /tmp/x.sqlite, evidence_retention_days: forever}
            sink: rt
            rt: {url: "http://127.0.0.1:8080", queue: Third-Level, token_env: RT_TOKEN}
            """, to: "rt.yaml", in: folder)
        let configuration = try TriageConfiguration.load(path: rt)
        #expect(configuration.storePath == "/tmp/x.sqlite" && configuration.evidenceRetentionDays == nil)
        guard case .requestTracker(let settings) = configuration.sink else { Issue.record("not rt"); return }
        #expect(settings.queue == "Third-Level" && settings.orderQueue == "Third-Level" && settings.token == .environment("RT_TOKEN"))

        let both = try CLIFiles.write("sink: webhook\nwebhook: {url: 'http://h/', secret_file: a, secret_env: B}\n", to: "w.yaml", in: folder)
        #expect(throws: ConfigurationError.self) { try TriageConfiguration.load(path: both) }
        let ftp = try CLIFiles.write("sink: webhook\nwebhook: {url: 'ftp://h/', secret_env: B}\n", to: "f.yaml", in: folder)
        #expect(throws: ConfigurationError.self) { try TriageConfiguration.load(path: ftp) }
        let unknownSink = try CLIFiles.write("sink: email\n", to: "e.yaml", in: folder)
        #expect(throws: ConfigurationError.self) { try TriageConfiguration.load(path: unknownSink) }
    }

    @Test("The idempotency key is stable, and differs when device, ticket or verdict differ")
    func idempotencyKey() {
        let key = IdempotencyKey.make(deviceID: "cpe-1", originTicket: "42", verdict: .replace)
        #expect(key == IdempotencyKey.make(deviceID: "cpe-1", originTicket: "42", verdict: .replace))
        #expect(key.hasPrefix("triage-") && key.count == 31)
        #expect(key != IdempotencyKey.make(deviceID: "cpe-2", originTicket: "42", verdict: .replace))
        #expect(key != IdempotencyKey.make(deviceID: "cpe-1", originTicket: nil, verdict: .replace))
        #expect(key != IdempotencyKey.make(deviceID: "cpe-1", originTicket: "42", verdict: .escalate))
    }
}
