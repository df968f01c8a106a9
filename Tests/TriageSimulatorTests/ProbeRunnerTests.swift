import Foundation
import Logging
import SSHTransport
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

/// The real probes, sent by the real client to simulated routers.
@Suite("Probe runs on simulated routers")
struct ProbeRunnerTests {
    let logger = Logger(label: "test")

    @Test("a healthy router yields every probe's sections; a dead or hanging one says what is missing")
    func probeRuns() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-probe-runner")
        defer { folder.remove() }
        try await SimulatorProcess.withSimulator([], in: folder.url) { simulator in
            let inventory = try Inventory.load(path: simulator.inventory.path)
            let runner = ProbeRunner(catalog: try ProbeCatalog.bundled(),
                                     retry: ConnectRetryPolicy(attempts: 2, spacing: .milliseconds(100)))
            func device(_ id: String) throws -> Device {
                var device = try inventory.requireDevice(id: id)
                device.ssh.deadlines.command = .seconds(20)
                return device
            }

            let healthy = await runner.run(on: try device("healthy-with-clients"), logger: logger)
            #expect(healthy.isComplete, "\(healthy.probes.map { ($0.name, $0.failure.map(String.init(describing:)), $0.reading.problems) })")
            #expect(healthy.probes.map(\.name) == ProbeCatalog.probeNames)
            #expect(healthy.sections.contains { $0.subject == "iw dev" && $0.exitCode == 0 && $0.output.contains("Interface") })
            #expect(healthy.sections.contains { $0.subject.hasPrefix("/sys/class/leds/") })
            #expect(healthy.connectAttempts == 1)

            let unreachable = await runner.run(on: try device("transport-unreachable"), logger: logger)
            #expect(unreachable.connectionFailure?.code == .connectionRefused)
            #expect(unreachable.connectAttempts == 2, "refused is retried")
            #expect(unreachable.probesNotRun == ProbeCatalog.probeNames)

            let keyChanged = await runner.run(on: try device("transport-host-key-changed"), logger: logger)
            #expect(keyChanged.connectionFailure?.code == .hostKeyChanged)
            #expect(keyChanged.connectAttempts == 1, "a changed key is final at once")

            var hangingDevice = try device("transport-hang-after-auth")
            hangingDevice.ssh.deadlines.command = .seconds(1)
            // The overall deadline leaves room for a slow login on a loaded machine; the probe's own is 1 s.
            let hanging = await ProbeRunner(catalog: runner.catalog, retry: runner.retry, overallDeadline: .seconds(15))
                .run(on: hangingDevice, logger: logger)
            #expect(!hanging.isComplete)
            #expect(hanging.probes.first?.failure?.code == .deadlineExceeded)
            #expect(hanging.probes.count + hanging.probesNotRun.count == ProbeCatalog.probeNames.count)
            #expect(hanging.duration < .seconds(45), "the overall deadline bounds a hanging device")
        }
    }
}
