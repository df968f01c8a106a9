import Foundation
import Testing
import TriageActions
import TriageTestSupport

/// The config file's `service:` section: every key read, mistakes refused with their line.
@Suite("The service: section of the config file")
struct ServiceConfigurationTests {
    static let hash = String(repeating: "ab", count: 32)

    @Test("Every key is read; defaults otherwise")
    func keys() throws {
        #expect(try read("sink: local\n").service == ServiceConfiguration())
        let service = try read("""
            service:
              listen: "[::1]:9000"
              concurrency: 3
              shutdown_grace_seconds: 5
              delivery_interval_seconds: 10
              tokens:
                - {name: crm, sha256: \(Self.hash)}
              signing_secret_env: TRIAGE_TEST_SIGNING
            """).service
        #expect(service.host == "::1" && service.port == 9000 && service.concurrency == 3)
        #expect(service.shutdownGrace == 5 && service.deliveryInterval == 10)
        #expect(service.tokens == [.init(name: "crm", sha256: Array(repeating: 0xAB, count: 32))])
        #expect(try service.readSigningSecret(environment: ["TRIAGE_TEST_SIGNING": "s3cret\n"]) == "s3cret")
        #expect(service.workerID == nil && service.jobLease == 60)
        #expect(service.effectiveWorkerID(hostName: "box", processID: 42) == "box-42")
        let worker = try read("service:\n  worker_id: controller-2.east\n  job_lease_seconds: 15\n").service
        #expect(worker.workerID == "controller-2.east" && worker.jobLease == 15)
        #expect(worker.effectiveWorkerID(hostName: "box", processID: 42) == "controller-2.east")
    }

    @Test("Mistakes are refused with what to do", arguments: [
        ("service:\n  listen: 127.0.0.1\n", "host:port"),
        ("service:\n  concurrency: 0\n", "service.concurrency"),
        ("service:\n  tokens:\n    - {name: crm, sha256: secret-token}\n", "64 hex digits"),
        ("service:\n  token: abc\n", "secrets never go in the config"),
        ("service:\n  signing_secret_file: a\n  signing_secret_env: B\n", "exactly one"),
        ("service:\n  listen_on: 1\n", "unknown key 'service.listen_on'"),
        ("service:\n  worker_id: two words\n", "service.worker_id"),
        ("service:\n  job_lease_seconds: 1\n", "service.job_lease_seconds"),
    ])
    func mistakes(text: String, says: String) throws {
        #expect {
            try read(text)
        } throws: { error in
            "\(error)".contains(says)
        }
    }

    private func read(_ text: String) throws -> TriageConfiguration {
        let folder = try TemporaryDirectory(prefix: "triage-config")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("triage.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try TriageConfiguration.load(path: path)
    }
}
