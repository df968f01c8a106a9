import ChildProcess
import Foundation
import Testing
import TriageStore
import TriageTestSupport

/// Issue 11 item 9: Ctrl-C or SIGTERM during `triage diagnose` closes the session, puts it in the
/// audit log as interrupted, makes no verdict and no order, and exits 128 + the signal.
@Suite("triage diagnose interrupted by a signal")
struct InterruptedDiagnosisTests {
    @Test("SIGTERM or SIGINT after login: exit 143 / 130, one audit entry 'interrupted', no diagnosis", arguments: [SIGTERM, SIGINT])
    func interruptedAfterLogin(signal: Int32) async throws {
        let folder = try TemporaryDirectory(prefix: "triage-interrupted")
        defer { folder.remove() }
        let database = folder.url.appendingPathComponent("triage.sqlite").path

        try await SimulatorProcess.withSimulator([CLIScenarios.builtIn("transport-hang-after-auth").path], in: folder.url) { simulator in
            let triage = try WatchedTriage.start(
                ["diagnose", "transport-hang-after-auth", "--inventory", simulator.inventory.path, "--db", database,
                 "--connect-attempts", "1", "--verbose"],
                in: folder, name: "diagnose")
            // Logged in: the device now hangs on the probe until its command deadline (minutes away).
            let loggedIn = await triage.wait(upTo: .seconds(90)) { $0.errors.contains("ssh session open") }
            #expect(loggedIn, "\(triage.errors)")
            triage.child.send(signal)
            let termination = await triage.child.waitForTermination()
            #expect(termination == .exited(128 + signal), "\(termination): \(triage.errors)")
            #expect(triage.output.isEmpty, "no verdict: \(triage.output)")
            #expect(triage.errors.contains("interrupted by"), "\(triage.errors)")
        }

        let store = try await AppDatabase.open(path: database)
        let audit = try await store.auditLog(deviceID: "transport-hang-after-auth")
        #expect(audit.count == 1)
        #expect(audit.first?.outcome == .interrupted, "\(audit)")
        #expect(audit.first?.failure == "interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM")")
        #expect(try await store.history(deviceID: "transport-hang-after-auth").isEmpty, "no verdict recorded")
        #expect(try await store.outbox(includeDelivered: true).isEmpty, "no action")
    }
}
