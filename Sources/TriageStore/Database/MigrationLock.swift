import Foundation

/// A lock file beside the store, held while a process opens and migrates it.
///
/// GRDB's migrator reads which migrations are applied before it takes SQLite's write lock, so two
/// processes opening a new file at once (parallel `triage diagnose` runs, the service and a
/// technician) would both try to create the tables. `flock` serializes them; the second then
/// finds the schema current. The wait polls, so the caller's task suspends instead of blocking.
final class MigrationLock {
    private var descriptor: Int32

    static func acquire(beside databasePath: String, timeout: Duration = .seconds(30)) async throws(StoreError) -> MigrationLock {
        let path = databasePath + ".lock"
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(path: databasePath, problem: "cannot open the lock file \(path): \(String(cString: strerror(errno)))",
                             remedy: "Choose a writable place with --db FILE or store.path in the config.")
        }
        let end = ContinuousClock.now + timeout
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if ContinuousClock.now >= end {
                close(descriptor)
                throw StoreError(path: databasePath, problem: "another Triage process has held \(path) for \(timeout) while opening the store",
                                 remedy: "Check for a stuck triage process, then retry.")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return MigrationLock(descriptor: descriptor)
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
