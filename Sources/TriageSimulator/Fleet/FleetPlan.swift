/// Which devices a fleet serves, and where: one per scenario, or `copies` of each scenario.
public struct FleetPlan: Sendable {
    public let devices: [SimulatedDevice]

    /// 254 hosts in each 127.0.x.0/24, x from 1: up to 254 × 254 devices.
    public static let maximumDevices = 254 * 254

    public init(scenarios: [Scenario], copies: Int?) throws(SimulatorError) {
        var devices: [SimulatedDevice] = []
        if let copies {
            guard copies >= 1, scenarios.count * copies <= Self.maximumDevices else {
                throw SimulatorError("--copies must be at least 1, and \(scenarios.count) scenarios × \(copies) copies "
                    + "is more than the \(Self.maximumDevices) devices one fleet can serve.")
            }
            // Interleaved (a-1, b-1, …, a-2, b-2, …): any first part of the fleet mixes every scenario.
            for number in 1...copies {
                for scenario in scenarios {
                    devices.append(SimulatedDevice(
                        id: "\(scenario.id)-\(number)", host: Self.address(of: devices.count),
                        serial: "\(scenario.device.serial)-\(number)", scenario: scenario))
                }
            }
        } else {
            guard scenarios.count <= Self.maximumDevices else {
                throw SimulatorError("At most \(Self.maximumDevices) devices can be served at once.")
            }
            for (index, scenario) in scenarios.enumerated() {
                devices.append(SimulatedDevice(
                    id: scenario.id, host: Self.address(of: index), serial: scenario.device.serial,
                    scenario: scenario))
            }
        }
        self.devices = devices
    }

    /// The n-th device's address: 127.0.1.1, 127.0.1.2, ... 127.0.1.254, 127.0.2.1, ...
    static func address(of index: Int) -> String {
        "127.0.\(1 + index / 254).\(1 + index % 254)"
    }

    /// The distinct scenarios, in order, each once (copies share one).
    var scenarios: [Scenario] {
        var seen: Set<String> = []
        return devices.map(\.scenario).filter { seen.insert($0.id).inserted }
    }
}
