import Foundation
import Testing
import TriageStore
import TriageStorePostgres
import TriageTestSupport

/// The fixture other suites (the workers' tests) rely on: a restart keeps the data and the store
/// reconnects; a stop leaves no server process.
@Suite("PostgresFixture")
struct PostgresFixtureTests {
    @Test("A restarted server keeps the data, the store reconnects, and stop() leaves no process behind")
    func restartAndStop() async throws {
        let fixture = try await PostgresFixture.start()
        do {
            let data = fixture.folder.path + "/data"
            #expect(!ProcessCheck.processes(mentioning: data).isEmpty, "the server runs")
            try await PostgresStore.withStore(fixture.settings, logger: StoreBackend.logger) { store in
                let audit = StoreContractSamples.audit(device: "cpe-restart")
                _ = try await store.appendAudit(audit)
                try await fixture.restart()
                // The pool's connections were cut: the next calls reconnect.
                let read = try await reconnecting { try await store.auditLog(deviceID: "cpe-restart") }
                #expect(read.map(\.deviceID) == ["cpe-restart"])
            }
            await fixture.stop()
            try await ProcessCheck.waitUntilNoProcess(mentioning: data, timeout: .seconds(30))
            #expect(!FileManager.default.fileExists(atPath: fixture.folder.path))
        } catch {
            await fixture.stop()
            throw error
        }
    }

    /// A call made as the pool finds its connections cut may fail once; a worker retries it (its backoff).
    private func reconnecting<T>(_ body: () async throws -> T) async throws -> T {
        for _ in 0..<20 {
            if let value = try? await body() { return value }
            try await Task.sleep(for: .milliseconds(250))
        }
        return try await body()
    }
}
