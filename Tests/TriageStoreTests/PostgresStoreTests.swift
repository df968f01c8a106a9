import Foundation
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
