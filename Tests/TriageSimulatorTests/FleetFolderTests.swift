import Foundation
import Testing
import TriageTestSupport

/// The fleet's folder and the files the simulator writes (issue 11, items 2 and 3): secrets someone
/// else planted are refused, and nothing the simulator did not write is replaced or removed.
@Suite struct FleetFolderTests {
    static let isRoot = getuid() == 0

    /// Runs a start that must be refused and returns what it printed.
    private func refused(_ folder: URL, inventory: URL, readyFile: URL? = nil) async throws -> String {
        let ready = readyFile.map { ["--ready-file", $0.path] } ?? []
        let run = try await SimulatorProcess.refusedStart([folder.path, "--inventory-out", inventory.path] + ready)
        #expect(run.exitCode == 1, "the start must be refused: \(run.stderr)")
        return run.stderr
    }

    @Test(.enabled(if: isRoot)) func aPasswordPlantedByAnotherUserIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "planted", in: directory.url)
        let password = directory.url.appendingPathComponent("simulator-password")
        // nobody plants the file while the folder is open to all, then the folder is closed again.
        chmod(directory.path, 0o777)
        try await CommandRunner.run("/usr/bin/setpriv", [
            "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c", "umask 022; echo planted > '\(password.path)'",
        ])
        chmod(directory.path, 0o755)
        let stderr = try await refused(folder, inventory: directory.url.appendingPathComponent("inventory.yaml"))
        #expect(stderr.contains("\(password.path) belongs to uid 65534"), "\(stderr)")
        #expect(try String(contentsOf: password, encoding: .utf8) == "planted\n")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("inventory.yaml").path))
    }

    @Test func aPasswordOthersCanReadOrALinkIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "readable", in: directory.url)
        let password = directory.url.appendingPathComponent("simulator-password")
        try Data("guessed\n".utf8).write(to: password)
        chmod(password.path, 0o644)
        let inventory = directory.url.appendingPathComponent("inventory.yaml")
        #expect(try await refused(folder, inventory: inventory).contains("has mode 644"))
        try FileManager.default.removeItem(at: password)
        try FileManager.default.createSymbolicLink(at: password, withDestinationURL: folder.appendingPathComponent("scenario.yaml"))
        #expect(try await refused(folder, inventory: inventory).contains("\(password.path) is not a regular file"))
    }

    @Test func aFolderOthersCanWriteToIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "open", in: directory.url)
        let fleet = directory.url.appendingPathComponent("fleet", isDirectory: true)
        for mode: mode_t in [0o777, 0o1777, 0o775] {
            try? FileManager.default.createDirectory(at: fleet, withIntermediateDirectories: true)
            chmod(fleet.path, mode)
            let stderr = try await refused(folder, inventory: fleet.appendingPathComponent("inventory.yaml"))
            #expect(stderr.contains("\(fleet.path) has mode \(String(mode, radix: 8)), too open"), "\(stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: fleet.path).isEmpty)
        }
    }

    @Test func anInventoryTargetThatIsNotARegularFileIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "targets", in: directory.url)
        let fifo = directory.url.appendingPathComponent("fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let subfolder = directory.url.appendingPathComponent("folder", isDirectory: true)
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
        let link = directory.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        var targets = [fifo, subfolder, link]
        if Self.isRoot {
            // A device node of its own (the numbers of /dev/null), so that no mistake can touch the real one.
            let device = directory.url.appendingPathComponent("null")
            try await CommandRunner.run("/usr/bin/mknod", [device.path, "c", "1", "3"])
            targets.append(device)
        }
        for target in targets {
            let stderr = try await refused(folder, inventory: target)
            #expect(stderr.contains("\(target.path) (--inventory-out) exists and is not a regular file"), "\(stderr)")
            let readyError = try await refused(folder, inventory: directory.url.appendingPathComponent("inventory.yaml"), readyFile: target)
            #expect(readyError.contains("\(target.path) (--ready-file) exists and is not a regular file"), "\(readyError)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "/dev/null")
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("known_hosts").path))
    }

    @Test func filesTheSimulatorDidNotWriteAreNeitherReplacedNorRemoved() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "foreign", in: directory.url)
        let inventory = directory.url.appendingPathComponent("inventory.yaml")
        let knownHosts = directory.url.appendingPathComponent("known_hosts")
        let ready = directory.url.appendingPathComponent("ready")
        let production = "version: 1\ndevices:\n  - id: cpe-0001\n    host: 192.0.2.10\n"
        let trusted = "192.0.2.10 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIProductionKeyProductionKeyProductionKey\n"

        try Data(production.utf8).write(to: inventory)
        #expect(try await refused(folder, inventory: inventory).contains("was not written by triage simulate"))
        #expect(try String(contentsOf: inventory, encoding: .utf8) == production)

        try FileManager.default.removeItem(at: inventory)
        try Data(trusted.utf8).write(to: knownHosts)
        #expect(try await refused(folder, inventory: inventory).contains("\(knownHosts.path) (the known_hosts"))
        #expect(try String(contentsOf: knownHosts, encoding: .utf8) == trusted)

        try FileManager.default.removeItem(at: knownHosts)
        try Data("someone's notes\n".utf8).write(to: ready)
        #expect(try await refused(folder, inventory: inventory, readyFile: ready).contains("\(ready.path) (--ready-file)"))
        #expect(try String(contentsOf: ready, encoding: .utf8) == "someone's notes\n")
    }

    @Test func itsOwnFilesAreReplacedAtTheNextStart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "again", in: directory.url)
        // Inventory and known_hosts of a first run are replaced by the second.
        for _ in 0..<2 {
            try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
                let run = try await fleet.client(host: "127.0.1.1").run("echo up")
                #expect(run.stdout == "up\n", "\(run.stderr)")
            }
        }
        // A ready file left by a simulator that was killed: replaced, then removed at shutdown.
        let ready = directory.url.appendingPathComponent("stale-ready")
        let stale = "# Written by triage simulate (pid 1): every device listens.\n"
        try Data(stale.utf8).write(to: ready)
        let inventory = directory.url.appendingPathComponent("inventory.yaml").path
        let arguments = ["simulate", folder.path, "--inventory-out", inventory, "--ready-file", ready.path, "--port", "\(PortAllocator.next())"]
        let outcome = try await BackgroundProcess.run(TriageExecutable.path, arguments) { simulator in
            try await simulator.waitUntil("it replaced the stale ready file") {
                (try? String(contentsOf: ready, encoding: .utf8)).map { $0 != stale } ?? false
            }
        }
        #expect("\(outcome.termination)" == "exited(0)")
        #expect(!FileManager.default.fileExists(atPath: ready.path))
    }
}
