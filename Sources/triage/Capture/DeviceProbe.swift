import Foundation
import TriageCore
import TriageEngine
import TriageInventory

/// One probe run on an inventory device, as `triage diagnose` makes it (the engine's runner over
/// libssh), for the commands that read a live device without recording: `capture`, `rules explain`.
enum DeviceProbe {
    static func run(_ id: String, inventory: InventoryOptions, options: ProbeRunOptions) async throws -> ProbeRunOutcome {
        // An unknown device or a bad inventory is the user's to fix (InventoryError is a usage error).
        let target = try inventory.load(device: id).requireDevice(id: id)
        let catalog: ProbeCatalog
        do {
            catalog = try ProbeCatalog.bundled()
        } catch {
            throw CLIError.failure("\(error)")
        }
        let runner = options.settings.runner(catalog: catalog, for: target)
        let logger = options.logger()
        let (outcome, signal) = await TerminationSignals.interrupting { await runner.run(on: target, logger: logger) }
        if let signal { throw CLIError.failure("interrupted by signal \(signal): the session to \(id) was closed; nothing was written") }
        // Triage's own failure says nothing about the device: no facts, no verdict, no capture.
        if let own = outcome.triagesOwnFailure { throw own }
        return outcome
    }
}
