import Foundation
import Synchronization
import Testing
import TriageCore
import TriageStore
import TriageStorePostgres
import TriageTestSupport

/// What only a server store shows: many processes on one database at once, and a server that is
/// down or refuses. The contract both stores keep is in `StoreContractTests`.
@Suite("The PostgreSQL store")
struct PostgresStoreTests {
    typealias Samples = StoreContractSamples

    @Test("Three stores opening a new database at once: one migrates, none fails")
    func concurrentMigration() async throws {
        try await PostgresFixture.withDatabase { settings in
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { try await $0.appliedMigrations() }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(applied.count == 3)
            #expect(applied.allSatisfy { $0 == PostgresStore.knownMigrations })
        }
    }

    @Test("20 deliverers claiming at once never take the same outbox row")
    func concurrentOutboxClaims() async throws {
        try await PostgresFixture.withDatabase { settings in
            try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { store in
                for index in 0..<30 {
                    let diagnosis = Samples.diagnosis(.healthy, device: "cpe-\(index)")
                    _ = try await store.save(diagnosis, audit: nil, action: Samples.note(for: diagnosis), sink: "local", now: Samples.start)
                }
                let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            var mine: [Int64] = []
                            while let entry = try await store.claimNext(afterID: 0, now: Samples.start, lease: 600, ignoringSchedule: false) {
                                mine.append(entry.outbox.id ?? -1)
                            }
                            return mine
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
                #expect(claimed.count == 30, "every row claimed")
                #expect(Set(claimed).count == 30, "no row claimed twice")
            }
        }
    }

    @Test("Two workers saving the same action at once make one order")
    func concurrentIdempotency() async throws {
        try await PostgresFixture.withDatabase { settings in
            try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { store in
                let results = try await withThrowingTaskGroup(of: SaveResult.self) { group in
                    for offset in 0..<10 {
                        group.addTask {
                            let diagnosis = Samples.diagnosis(.replace, device: "cpe-race", at: TimeInterval(offset))
                            return try await store.save(diagnosis, audit: nil, action: Samples.order(for: diagnosis), sink: "local",
                                                        now: Samples.start)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(results.filter { $0.action?.isNew == true }.count == 1)
                #expect(Set(results.compactMap { $0.action?.outboxID }).count == 1)
                #expect(try await store.orders().count == 1)
                #expect(try await store.history(deviceID: "cpe-race").count == 10)
            }
        }
    }

    @Test("PostgreSQL restarted under concurrent writes: every call answers or fails in words, none waits forever, and writes go on after")
    func restartUnderConcurrentWrites() async throws {
        try await PostgresFixture.withServer { postgres in
            let settings = try await postgres.makeDatabase()
            try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { store in
                let tally = RestartTally()
                // Unstructured on purpose: a call that never returns must not hang the test with it.
                for writer in 0..<12 {
                    Task {
                        var round = 0
                        while !tally.stopping {
                            round += 1
                            let diagnosis = Samples.diagnosis(.replace, device: "cpe-restart-\(writer)", at: TimeInterval(round))
                            do {
                                if writer.isMultiple(of: 2) {
                                    _ = try await store.save(diagnosis, audit: nil, action: Samples.order(for: diagnosis), sink: "local",
                                                             now: Samples.start)
                                } else {
                                    let results = await store.save(batch: [.diagnosis(diagnosis, audit: nil, action: nil, sink: "local")],
                                                                   now: Samples.start)
                                    if case .failure(let error) = results[0] { throw error }
                                }
                                tally.update { $0.answered += 1 }
                            } catch is StoreError {
                                tally.update { $0.refused += 1 }
                                try? await Task.sleep(for: .milliseconds(50))
                            } catch {
                                tally.update { $0.other.append("\(error)") }
                            }
                        }
                        tally.update { $0.writersEnded += 1 }
                    }
                }
                // Writes under way first (a loaded machine may take seconds for the first ones), then
                // the restart, then writes again on new connections (hang guards: two minutes each).
                try await tally.waitUntil(within: .seconds(120)) { $0.answered >= 12 }
                let before = tally.read { $0.answered }
                try await postgres.restart()
                try await tally.waitUntil(within: .seconds(120)) { $0.answered >= before + 12 }
                tally.update { $0.stopping = true }
                // Hang guard: every writer's last call ends within a minute (the pool may wait for the server).
                try await tally.waitUntil(within: .seconds(90)) { $0.writersEnded == 12 }
                let (answered, refused, other, ended) = tally.read { ($0.answered, $0.refused, $0.other, $0.writersEnded) }
                print("restart under 12 writers: \(before) saves before, \(answered) in all, \(refused) refused as StoreError")
                #expect(ended == 12, "a store call never returned after the restart")
                #expect(before > 0)
                #expect(other.isEmpty, "errors other than StoreError: \(other)")
                // After the restart the store works again: a save goes through on a new connection.
                var saved = false
                for attempt in 0..<60 where !saved {
                    let diagnosis = Samples.diagnosis(.healthy, device: "cpe-after-restart", at: TimeInterval(attempt))
                    saved = (try? await store.save(diagnosis, audit: nil, action: nil, sink: "local", now: Samples.start)) != nil
                    if !saved { try await Task.sleep(for: .seconds(1)) }
                }
                #expect(saved, "no save succeeded within a minute of the restart")
                #expect(answered >= before + 12, "saves went on after the restart")
            }
        }
    }

    @Test("A server that is down is told as the store's own failure, with what to do")
    func serverDown() async throws {
        let settings = PostgresSettings(host: "127.0.0.1", port: try TestNetwork.freePort(), user: "triage", database: "triage",
                                        password: .environment("TRIAGE_TEST_UNSET_PASSWORD_\(UUID().uuidString.prefix(6))"))
        let missingPassword = await #expect(throws: StoreError.self) {
            try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { _ in }
        }
        #expect(missingPassword?.problem.contains("is not set") == true)
        var noPassword = settings
        noPassword.password = .none
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.withStore(noPassword, logger: StoreBackend.logger) { _ in }
        }
        #expect(error?.problem.contains("cannot reach the server") == true)
        #expect(error?.remedy.contains("127.0.0.1:\(settings.port)") == true)
        #expect(error?.kind == .triagesOwn)
    }

    @Test("A wrong password, a missing database and a readable password file are refused in words, never showing the password")
    func refusals() async throws {
        try await PostgresFixture.withServer { server in
            let folder = try TemporaryDirectory(prefix: "triage-pg-password")
            defer { folder.remove() }
            let wrong = folder.path + "/wrong"
            let secret = "not-the-password-\(UUID().uuidString)"
            try StoreTestFiles.writePrivate(secret + "\n", to: wrong)
            var settings = server.settings
            settings.password = .file(wrong)
            let refused = await #expect(throws: StoreError.self) {
                try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { _ in }
            }
            #expect(refused?.problem.contains("authentication failed for role triage") == true)
            #expect(refused.map { !"\($0.message) \($0.remedy)".contains(secret) } == true)

            var missing = server.settings
            missing.database = "no_such_database"
            let absent = await #expect(throws: StoreError.self) {
                try await PostgresStore.withStore(missing, logger: StoreBackend.logger) { _ in }
            }
            #expect(absent?.problem.contains("database no_such_database does not exist") == true)

            chmod(wrong, 0o644)
            let exposed = await #expect(throws: StoreError.self) {
                try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { _ in }
            }
            #expect(exposed?.problem.contains("may be read by others") == true)
        }
    }

    @Test("TLS: prefer falls back to plain on a server without TLS; require refuses it")
    func tlsModes() async throws {
        try await PostgresFixture.withDatabase { settings in
            var prefer = settings
            prefer.tls = .prefer
            let applied = try await PostgresStore.withStore(prefer, logger: StoreBackend.logger) { try await $0.appliedMigrations() }
            #expect(applied == PostgresStore.knownMigrations)
            var require = settings
            require.tls = .require
            let refused = await #expect(throws: StoreError.self) {
                try await PostgresStore.withStore(require, logger: StoreBackend.logger) { _ in }
            }
            #expect(refused?.problem.contains("offers no TLS") == true)
        }
    }

    @Test("A database migrated by a newer Triage, or another application's, is refused")
    func foreignAndNewer() async throws {
        try await PostgresFixture.withDatabase { settings in
            try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { _ in }
            let raw = StoreRawAccess.postgres(settings)
            let inserted = try await raw.execute(sqlite: "", postgres: "INSERT INTO triage_migrations (name) VALUES ('v99-future')")
            #expect(inserted == nil)
            let newer = await #expect(throws: StoreError.self) {
                try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { _ in }
            }
            #expect(newer?.problem.contains("migrated by a newer Triage (migration 'v99-future')") == true)
        }
        try await PostgresFixture.withDatabase { settings in
            let raw = StoreRawAccess.postgres(settings)
            let created = try await raw.execute(sqlite: "", postgres: "CREATE TABLE customers (id integer)")
            #expect(created == nil)
            let foreign = await #expect(throws: StoreError.self) {
                try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { _ in }
            }
            #expect(foreign?.problem.contains("another application") == true)
        }
    }
}

/// Files the store tests write.
enum StoreTestFiles {
    /// A file private to its owner from its creation.
    static func writePrivate(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }
}

/// What the writers of `restartUnderConcurrentWrites` saw, shared with their unstructured tasks.
private final class RestartTally: Sendable {
    struct Counts {
        var answered = 0
        var refused = 0
        var other: [String] = []
        var writersEnded = 0
        var stopping = false
    }

    private let state = Mutex(Counts())
    var stopping: Bool { read { $0.stopping } }
    func read<T: Sendable>(_ body: (Counts) -> T) -> T { state.withLock { body($0) } }
    func update(_ body: (inout Counts) -> Void) { state.withLock { body(&$0) } }

    /// Returns when `condition` holds, or after `limit` (the expectations that follow then fail).
    func waitUntil(within limit: Duration, _ condition: (Counts) -> Bool) async throws {
        let end = ContinuousClock.now + limit
        while !state.withLock({ condition($0) }), ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
