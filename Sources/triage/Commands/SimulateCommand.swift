import ArgumentParser
import Foundation
import Logging
import TriageCore
import TriageSimulator

/// `triage simulate`: serves simulated routers over real SSH, one per scenario folder.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve simulated routers over real SSH, each showing one fault scenario.",
        discussion: """
            Each device listens on an address of its own (127.0.1.1, 127.0.1.2, ...) on the same port. \
            The inventory, a known_hosts file, the fleet's password (simulator-password), its client key \
            (simulator-key, which the inventory logs in with), the keys the devices accept \
            (simulator-authorized-keys) and a state folder with the host keys (simulator-state/) are \
            written beside --inventory-out; the keys and the password are kept, so a restarted fleet is \
            trusted as before. That folder must be \
            your own, writable by nobody else (it is made 0700 if missing); files the simulator did not \
            write are never replaced. Each device's commands run confined by bubblewrap, as nobody \
            when run as root. Runs until interrupted (SIGINT or SIGTERM). See Docs/simulator.md.
            """)

    @Argument(help: "Scenario folders. Without any, the built-in scenarios are served.")
    var scenarios: [String] = []

    @Option(name: .customLong("inventory-out"), help: "The inventory file to write (known_hosts goes beside it); a file it did not write is refused.")
    var inventoryOut: String?

    @Option(name: .customLong("ready-file"), help: "A file created once every device listens (removed at shutdown); a file it did not write is refused.")
    var readyFile: String?

    @Option(help: "Serve this many copies of each scenario (ids <id>-1, <id>-2, ...); without scenarios, of every built-in one.")
    var copies: Int?

    @Option(name: .customLong("authorized-keys"), help: ArgumentHelp(
        "A file of OpenSSH public keys (ed25519 or ECDSA, one per line) the devices accept besides the fleet's own key; repeatable.",
        valueName: "file"))
    var authorizedKeys: [String] = []

    @Option(help: "The port every device listens on.")
    var port: Int = 2222

    @Flag(help: "List the built-in scenarios (id, expected verdict, title) and exit.")
    var list = false

    func validate() throws {
        if !list && inventoryOut == nil {
            throw ValidationError("--inventory-out FILE is required: the fleet's inventory is written there.")
        }
        if let copies, copies < 1 {
            throw ValidationError("--copies must be at least 1 (it was \(copies)).")
        }
        if !(1...65535).contains(port) {
            throw ValidationError("--port must be between 1 and 65535 (it was \(port)).")
        }
    }

    func run() async throws {
        let builtIn = try BundledResources.requireDirectory(named: "Scenarios")
        if list { return try printCatalogue(of: builtIn) }
        for folder in scenarios where !FileManager.default.fileExists(atPath: folder) {
            throw CLIError.usage("\(folder): no such scenario folder (see `triage simulate --list` for the built-in ones)")
        }
        let folders = scenarios.isEmpty
            ? try ScenarioLoader.scenarioFolders(in: builtIn)
            : scenarios.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let configuration = SimulatorConfiguration(
            scenarioFolders: folders, inventory: URL(fileURLWithPath: inventoryOut ?? ""),
            readyFile: readyFile.map { URL(fileURLWithPath: $0) }, copies: copies, port: port,
            authorizedKeyFiles: authorizedKeys.map { URL(fileURLWithPath: $0) })
        let logger = Logger(label: "triage.simulate") { label in StreamLogHandler.standardError(label: label) }
        do {
            try await TerminationSignals.cancellingOnSignal {
                try await Simulator.run(configuration, logger: logger)
            }
        } catch let error as ScenarioError {
            throw CLIError.usage(error.description)
        } catch let error as SimulatorError {
            throw CLIError.failure(error.description)
        }
    }

    private func printCatalogue(of directory: URL) throws {
        let catalogue = try ScenarioLoader.load(folders: try ScenarioLoader.scenarioFolders(in: directory))
        let idWidth = catalogue.map(\.id.count).max() ?? 2
        print("\("ID".padding(toLength: idWidth, withPad: " ", startingAt: 0))  VERDICT     TITLE")
        for scenario in catalogue {
            let id = scenario.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let verdict = scenario.expect.verdict.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            print("\(id)  \(verdict)  \(scenario.title)")
        }
    }
}
