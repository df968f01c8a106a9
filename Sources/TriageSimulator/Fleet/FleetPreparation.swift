import Foundation
import Logging
import NIOSSH
import TriageCore

/// Everything a fleet needs before anything listens: scenarios checked, password, client key and
/// authorized keys, BusyBox, dispatchers and host keys. Any problem here stops the start with nothing served.
struct FleetPreparation {
    let plan: FleetPlan
    let files: FleetFiles
    let servers: [DeviceServer]
    /// Device id → the OpenSSH public key line written to known_hosts.
    let publicKeys: [String: String]

    init(
        _ configuration: SimulatorConfiguration, queue: ExecJobQueue, connections: ConnectionRegistry,
        logger: Logger
    ) async throws {
        guard (1...65_535).contains(configuration.port) else {
            throw SimulatorError("--port must be between 1 and 65535, not \(configuration.port).")
        }
        plan = try FleetPlan(scenarios: try ScenarioLoader.load(folders: configuration.scenarioFolders),
                             copies: configuration.copies)
        files = FleetFiles(inventory: configuration.inventory)
        try FleetFileGuard.check(files, readyFile: configuration.readyFile)
        let password = try FleetPassword.loadOrCreate(at: files.password)
        let authorizedKeys = try AuthorizedKeys(
            fleetKey: try FleetClientKey.loadOrCreate(at: files.clientKey), supplied: configuration.authorizedKeyFiles)
        try authorizedKeys.write(to: files.authorizedKeys, user: configuration.user)
        let shell = try await BusyBoxShell.prepare(appletsDirectory: files.appletsDirectory)
        let sandbox = try await DeviceSandbox.prepare(busybox: shell.executable)
        var runtimes: [String: DeviceRuntime] = [:]
        for scenario in plan.scenarios {
            runtimes[scenario.id] = try Self.runtime(for: scenario, shell: shell, sandbox: sandbox, files: files)
        }
        let keys = HostKeyStore(directory: files.hostKeysDirectory)
        let admitting = FleetAuthenticator(
            user: configuration.user, password: password, authorizedKeys: authorizedKeys.keys, refuseEveryone: false)
        let refusing = FleetAuthenticator(
            user: configuration.user, password: password, authorizedKeys: authorizedKeys.keys, refuseEveryone: true)
        var servers: [DeviceServer] = []
        var publicKeys: [String: String] = [:]
        for device in plan.devices {
            let trueKey = NIOSSHPrivateKey(ed25519Key: try keys.trueKey(for: device))
            let fault = device.scenario.transport.fault
            let served = fault == .hostKeyChanged ? NIOSSHPrivateKey(ed25519Key: try keys.imposterKey(for: device)) : trueKey
            publicKeys[device.id] = String(openSSHPublicKey: trueKey.publicKey)
            servers.append(DeviceServer(
                device: device, port: configuration.port, servedHostKey: served,
                authenticator: fault == .authFail ? refusing : admitting,
                runtime: runtimes[device.scenario.id]!, queue: queue, connections: connections, logger: logger))
        }
        self.servers = servers
        self.publicKeys = publicKeys
    }

    private static func runtime(
        for scenario: Scenario, shell: BusyBoxShell, sandbox: DeviceSandbox, files: FleetFiles
    ) throws -> DeviceRuntime {
        try sandbox.checkReadable(scenario)
        let dispatchers = files.dispatchersDirectory(for: scenario)
        if FileSystemCheck.isDirectory(scenario.commandsDirectory) {
            do {
                try? FileManager.default.removeItem(at: dispatchers)
                // 0755 whatever the umask: a simulator run as root runs the device's commands as nobody.
                try FileManager.default.createDirectory(at: dispatchers, withIntermediateDirectories: true)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dispatchers.path)
                try ToolShims.install(into: dispatchers, commandsDirectory: scenario.commandsDirectory)
            } catch {
                throw SimulatorError("Could not make the dispatchers of scenario \(scenario.id) in \(dispatchers.path): \(error)")
            }
        }
        return DeviceRuntime(shell: shell, sandbox: sandbox, scenario: scenario, dispatchersDirectory: dispatchers)
    }
}
