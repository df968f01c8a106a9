import ArgumentParser
import Foundation
import TriageEngine
import TriageInventory
import TriageStore

/// `triage sweep --enqueue`: the selected devices go into the shared job queue as one sweep, for
/// the `triage serve` workers to diagnose, instead of being probed here. Prints the sweep's id and
/// how to follow it (`triage sweep status ID`).
struct SweepEnqueue {
    let inventory: InventoryOptions
    let selection: SelectionOptions
    let store: StoreOptions
    let requestedBy: String?

    /// The local sweep's options that mean nothing to a queued one, as given on the command line.
    static func refusedOptions(noAct: Bool, jsonLines: String?, concurrency: Int, recordBatch: Int, rulesDirectory: String?,
                               connectAttempts: Int?, retrySpacing: Double?, deadline: Double, verbose: Bool) -> [String] {
        var refused: [String] = []
        if noAct { refused.append("--no-act") }
        if jsonLines != nil { refused.append("--json-lines") }
        if concurrency != 32 { refused.append("--concurrency") }
        if recordBatch != 64 { refused.append("--record-batch") }
        if rulesDirectory != nil { refused.append("--rules-dir") }
        if connectAttempts != nil { refused.append("--connect-attempts") }
        if retrySpacing != nil { refused.append("--retry-spacing") }
        if deadline != 300 { refused.append("--deadline") }
        if verbose { refused.append("--verbose") }
        return refused
    }

    static func refusal(_ options: [String]) -> ValidationError {
        ValidationError("""
            --enqueue hands the devices to the `triage serve` workers, which diagnose, record and act with their own \
            settings; these options apply only to a sweep run here: \(options.joined(separator: ", ")). Leave \
            \(options.count == 1 ? "it" : "them") out, or run the sweep here without --enqueue.
            """)
    }

    func run() async throws {
        let inventory = try inventory.load()
        let devices: [Device]
        do {
            devices = try selection.selection().devices(in: inventory)
        } catch let unknown as DeviceSelection.Unknown {
            throw CLIError.usage(SweepCommand.describe(unknown, in: inventory.path))
        }
        guard !devices.isEmpty else { throw CLIError.usage("the selection names no device; nothing was queued") }
        let sweep = try await store.withStore(.record) { database, _ in
            try await database.enqueueSweep(deviceIDs: devices.map(\.id), requestedBy: EngineSetup.requester(requestedBy), now: Date())
        }
        let id = sweep.id.uuidString.lowercased()
        print("sweep \(id) queued: \(sweep.jobCount) device\(sweep.jobCount == 1 ? "" : "s") for the triage serve workers")
        print("follow it: triage sweep status \(id)\(store.followArguments) --watch")
    }
}

extension StoreOptions {
    /// `--db`/`--config` as given, so that the printed follow-up command reads the same store.
    var followArguments: String {
        (db.map { " --db \(Self.quoted($0))" } ?? "") + (config.map { " --config \(Self.quoted($0))" } ?? "")
    }

    private static func quoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/._-:+@".contains($0) } ? text
            : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
