import ChildProcess
import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

@Suite("Crash between commit and delivery")
struct CrashRecoveryTests {
    @Test("triage killed with SIGKILL after the commit, before delivery: the next run delivers it, once")
    func killedBeforeDelivery() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-crash")
        defer { folder.remove() }
        let receiver = try await WebhookReceiver.start()
        let dbPath = folder.url.appendingPathComponent("triage.sqlite").path
        let config = try CLIFiles.webhookConfig(url: receiver.url, in: folder)
        let diagnosisFile = try CLIFiles.diagnosis(SampleDiagnoses.make(.replace, originTicket: "9001"), in: folder)
        let marker = folder.url.appendingPathComponent("committed").path

        // SIGKILL once the process says it has committed and is about to deliver.
        let outcome = try await BackgroundProcess.run(
            TriageExecutable.path, ["store", "record", diagnosisFile, "--db", dbPath, "--config", config],
            environment: ["TRIAGE_TEST_PAUSE_BEFORE_DELIVERY": marker], stopSignal: SIGKILL
        ) { _ -> Bool in
            let deadline = ContinuousClock.now + .seconds(60)
            while !FileManager.default.fileExists(atPath: marker), ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            return FileManager.default.fileExists(atPath: marker)
        }
        #expect(outcome.result, "the process reached the point between commit and delivery")
        #expect(outcome.termination == .signaled(SIGKILL))
        #expect(receiver.requests.isEmpty)
        let pending = try await AppDatabase.open(path: dbPath).outbox()
        #expect(pending.count == 1 && pending.first?.kind == .order)

        let listed = try await CommandRunner.run(TriageExecutable.path, ["outbox", "--db", dbPath, "--config", config])
        #expect(listed.stdout.contains("pending (webhook)"))
        let delivered = try await CommandRunner.run(TriageExecutable.path, ["outbox", "deliver", "--db", dbPath, "--config", config])
        #expect(delivered.stdout.contains("1 delivered, 0 still pending"))
        let again = try await CommandRunner.run(TriageExecutable.path, ["outbox", "deliver", "--db", dbPath, "--config", config])
        #expect(again.stdout.contains("0 delivered, 0 still pending"))
        try await receiver.shutdown()
        #expect(receiver.created.count == 1 && receiver.requests.count == 1)
    }

    @Test("An entry held by an interrupted delivery: `outbox deliver` exits 1 and says how many are held and until when")
    func heldByInterruptedDelivery() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-held")
        defer { folder.remove() }
        let receiver = try await WebhookReceiver.start(.init(answer: .never))
        let dbPath = folder.url.appendingPathComponent("triage.sqlite").path
        // The killed delivery must still be waiting on its first request when the kill lands: with the
        // default 10 s timeout, a loaded CI machine let it try a second time first.
        let config = try CLIFiles.webhookConfig(url: receiver.url, in: folder, timeoutSeconds: 300)
        let recorder = StoreTestPaths.recorder(try await AppDatabase.open(path: dbPath), sink: try TriageConfiguration.load(path: config).sink)
        _ = try await recorder.record(SampleDiagnoses.make(.replace, originTicket: "9002"), outcome: nil, act: true)

        // A delivery that claimed the entry and is killed while the receiver keeps it waiting.
        let outcome = try await BackgroundProcess.run(
            TriageExecutable.path, ["outbox", "deliver", "--db", dbPath, "--config", config], stopSignal: SIGKILL
        ) { _ -> Bool in
            let deadline = ContinuousClock.now + .seconds(60)
            while receiver.requests.isEmpty, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
            return !receiver.requests.isEmpty
        }
        #expect(outcome.result, "the killed delivery had claimed the entry and sent it")
        #expect(outcome.termination == .signaled(SIGKILL))

        let listed = try await CommandRunner.run(TriageExecutable.path, ["outbox", "--db", dbPath, "--config", config])
        #expect(listed.stdout.contains("pending (webhook), held by a delivery until"), "\(listed.stdout)")
        let again = try await CommandRunner.run(TriageExecutable.path, ["outbox", "deliver", "--db", dbPath, "--config", config], checked: false)
        #expect(again.status == 1, "something is still pending: \(again.stdout)")
        #expect(again.stdout.contains("0 delivered, 1 still pending (1 held by another delivery, running or interrupted, until "),
                "\(again.stdout)")
        try await receiver.shutdown()
        #expect(receiver.requests.count == 1, "the held entry was not sent again while held")
    }
}
