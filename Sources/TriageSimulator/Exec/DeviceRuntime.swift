import Foundation

/// What running a command on one simulated device needs: the shell, the device's files and
/// dispatchers, and how its transport misbehaves.
struct DeviceRuntime: Sendable {
    let shell: BusyBoxShell
    let sandbox: DeviceSandbox
    let scenario: Scenario
    /// Holds one dispatcher per contract tool, answering from the scenario's commands/.
    let dispatchersDirectory: URL

    var fault: TransportFault { scenario.transport.fault }

    /// The command line that runs BusyBox's shell with `shellArguments`, confined to what this
    /// device may see: its scenario, its dispatchers and BusyBox's applets.
    func shellCommand(_ shellArguments: [String]) -> [String] {
        sandbox.shellCommand(
            shellArguments, visible: [scenario.folder, dispatchersDirectory, shell.appletsDirectory],
            workingDirectory: scenario.rootDirectory)
    }

    /// The environment of the device's shell: nothing of the host's leaks in.
    var environment: [String: String] {
        [
            "PATH": "\(dispatchersDirectory.path):\(shell.appletsDirectory.path)",
            "TRIAGE_ROOT": scenario.rootDirectory.path,
            "HOME": scenario.rootDirectory.path,
            "USER": "root",
            "LOGNAME": "root",
            "SHELL": "/bin/sh",
        ]
    }
}
