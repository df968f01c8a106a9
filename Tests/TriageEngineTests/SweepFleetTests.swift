import Foundation
import Testing
import TriageActions
import TriageCore
import TriageEngine
import TriageStore
import TriageTestSupport

/// Issue 12, tests 1: the engine sweeps a simulated fleet of 200 devices made of the built-in
/// scenarios, and every device gets the verdict its scenario expects; the store holds one
/// diagnosis per device and one order or ticket per replace or escalate; a second sweep opens
/// nothing new.
@Suite("A sweep over a simulated fleet")
struct SweepFleetTests {
    /// Every built-in scenario but the one that hangs until its deadline (HangingDeviceTests has it).
    static let scenarios = [
        "healthy-with-clients", "led-all-lit-firmware-crash", "led-all-lit-phy-missing", "led-all-lit-radio-disabled",
        "led-all-lit-wlan-down", "link-dsl-not-synced", "link-ethernet-flapping", "link-pppoe-auth-failure",
        "link-wan-no-carrier", "linux-cpe-no-ubus", "system-overheating", "system-overlay-full", "transport-auth-refused",
        "transport-garbage", "transport-host-key-changed", "transport-huge-output", "transport-slow-network",
        "transport-unreachable", "wlan-dfs-cac", "wlan-firmware-crash-loop", "wlan-hostapd-failed", "wlan-one-bad-client",
        "wlan-phy-missing", "wlan-radio-disabled", "wlan-rfkill-soft-block",
    ]

    @Test("200 devices: the verdicts the scenarios expect, one diagnosis each, one order or ticket each, none again")
    func fleetOf200() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-sweep-fleet")
        defer { folder.remove() }
        let fleet = try await ScenarioFleet.make(Self.scenarios, copies: 8, in: folder.url.appendingPathComponent("fleet"))
        #expect(fleet.expected.count == 200)
        let simulatorFolder = folder.url.appendingPathComponent("simulator")
        try FileManager.default.createDirectory(at: simulatorFolder, withIntermediateDirectories: true)

        let database = folder.url.appendingPathComponent("triage.sqlite").path
        try await SimulatorProcess.withSimulator(fleet.folders.map(\.path), in: simulatorFolder) { simulator in
            try await Self.sweepTwice(simulator, fleet: fleet, database: database)
        }
    }

    private static func sweepTwice(_ simulator: RunningSimulator, fleet: ScenarioFleet, database: String) async throws {
        let (engine, store) = try await EngineHarness.engine(for: simulator, database: database, commandSeconds: 240)
        let devices = engine.inventory.devices
        #expect(devices.count == 200)

        let results = await EngineHarness.sweep(engine, devices, concurrency: 32, request: EngineHarness.request(deadline: .seconds(300)))
        #expect(results.count == 200)
        #expect(verdictCounts(results, fleet: fleet) == fleet.expectedCounts)
        #expect(engine.activeSessions == 0)

        for device in devices {
            let history = try await store.history(deviceID: device.id)
            #expect(history.count == 1, "\(device.id)")
        }
        let replace = fleet.expectedCounts[.replace, default: 0]
        let escalate = fleet.expectedCounts[.escalate, default: 0]
        let orders = try await store.orders()
        let tickets = try await store.tickets()
        #expect(orders.count == replace)
        #expect(tickets.count == escalate)
        let report = await engine.deliverPending()
        #expect(report.failed == 0 && report.storeError == nil, "\(report)")

        // Again, for the devices that opened something: nothing new is opened.
        let acting = devices.filter { fleet.expected[$0.id] == .replace || fleet.expected[$0.id] == .escalate }
        let again = await EngineHarness.sweep(engine, acting, concurrency: 32, request: EngineHarness.request(deadline: .seconds(300)))
        #expect(again.count == acting.count)
        let reopened = again.filter { result in
            guard case .diagnosed(_, _, let recorded) = result.status else { return true }
            return recorded.action?.isNew != false
        }
        #expect(reopened.isEmpty, "\(reopened.map { "\($0.device.id): \($0.status)" })")
        let ordersAfter = try await store.orders()
        let ticketsAfter = try await store.tickets()
        #expect(ordersAfter.count == replace)
        #expect(ticketsAfter.count == escalate)
    }

    /// Verdicts counted; a device without the verdict its scenario expects is reported.
    private static func verdictCounts(_ results: [DeviceResult], fleet: ScenarioFleet) -> [Verdict: Int] {
        var counts: [Verdict: Int] = [:]
        for result in results {
            guard let diagnosis = result.diagnosis else {
                Issue.record("\(result.device.id): \(result.status)")
                continue
            }
            if diagnosis.verdict != fleet.expected[result.device.id] {
                Issue.record("\(result.device.id): \(diagnosis.verdict), findings \(diagnosis.findings.map(\.code))")
            }
            counts[diagnosis.verdict, default: 0] += 1
        }
        return counts
    }
}
