public import Foundation

/// One simulated device's story: who it claims to be, how its transport misbehaves, what it shows,
/// and which verdict a correct diagnosis reaches. Loaded from a scenario folder by `ScenarioLoader`.
public struct Scenario: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Where the outputs came from (a corpus file, a ticket); free text, optional.
    public var source: String?
    public var device: DeviceIdentity
    public var transport: TransportSettings
    public var expect: ScenarioExpectation
    /// The scenario folder: `scenario.yaml`, `root/`, `commands/`.
    public var folder: URL

    public init(
        id: String, title: String, source: String?, device: DeviceIdentity,
        transport: TransportSettings, expect: ScenarioExpectation, folder: URL
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.device = device
        self.transport = transport
        self.expect = expect
        self.folder = folder
    }

    /// The device's file system as the probes see it (`TRIAGE_ROOT`).
    public var rootDirectory: URL { folder.appendingPathComponent("root", isDirectory: true) }

    /// Canned outputs of the contract's commands, one file per command line.
    public var commandsDirectory: URL { folder.appendingPathComponent("commands", isDirectory: true) }
}

/// What the device says it is; written into the inventory.
public struct DeviceIdentity: Sendable, Hashable {
    public var model: String
    public var firmware: String
    public var serial: String

    public init(model: String, firmware: String, serial: String) {
        self.model = model
        self.firmware = firmware
        self.serial = serial
    }
}

/// How the device's SSH transport behaves.
public struct TransportSettings: Sendable, Hashable {
    public var fault: TransportFault
    /// Added before every reply the device sends, to imitate a real network.
    public var latencyMilliseconds: Int

    public init(fault: TransportFault = .none, latencyMilliseconds: Int = 0) {
        self.fault = fault
        self.latencyMilliseconds = latencyMilliseconds
    }
}
