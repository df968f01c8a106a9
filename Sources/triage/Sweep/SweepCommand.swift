import ArgumentParser
import Foundation
import TriageCore
import TriageInventory
import TriageEngine

/// `triage sweep`: diagnose many devices in one process, a bounded number at a time.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Diagnose a selection of the inventory's devices, many at once, and summarise.",
        discussion: """
            Each device is probed, diagnosed, recorded and acted on as by `triage diagnose`; the outbox \
            is delivered once at the end. Exit status: the worst verdict (0 healthy, 10 remediable, \
            20 replace, 30 escalate); 1 when Triage itself failed for any device (its own failure, such \
            as a name that does not resolve, or the store refused a record: listed at the end); 2 a usage \
            error; 130 or 143 when SIGINT or SIGTERM stopped it (finished devices stay recorded). Docs/sweep.md. \
            With --enqueue the devices go to the `triage serve` workers' queue instead (Docs/operations.md); \
            `triage sweep status ID` follows such a sweep.
            """,
        subcommands: [SweepStatusCommand.self])

    @OptionGroup var inventoryOptions: InventoryOptions
    @OptionGroup var selectionOptions: SelectionOptions
    @OptionGroup var rulesOptions: RulesOptions

    @Option(help: "Devices diagnosed at once (1–1000).")
    var concurrency = 32

    @Flag(name: .customLong("no-act"), help: "Diagnose and record only: open no order or ticket, write no note.")
    var noAct = false

    @Option(name: .customLong("json-lines"), help: "Write each diagnosis to FILE as one JSON document per line (the shape of diagnose --json).")
    var jsonLines: String?

    @Option(name: .customLong("requested-by"), help: "Who asks (kept with each diagnosis). Defaults to $USER.")
    var requestedBy: String?

    @Flag(help: "Queue the devices for the `triage serve` workers instead of diagnosing them here; prints the sweep's id.")
    var enqueue = false

    @OptionGroup var runOptions: ProbeRunOptions
    @OptionGroup var store: StoreOptions

    /// For benchmarks: 1 records each device in a transaction of its own.
    @Option(name: .customLong("record-batch"), help: .hidden)
    var recordBatch = 64

    func validate() throws {
        guard (1...1000).contains(concurrency) else {
            throw ValidationError("--concurrency must be 1–1000, not \(concurrency).")
        }
        guard (1...1000).contains(recordBatch) else {
            throw ValidationError("--record-batch must be 1–1000, not \(recordBatch).")
        }
        if enqueue {
            let refused = SweepEnqueue.refusedOptions(
                noAct: noAct, jsonLines: jsonLines, concurrency: concurrency, recordBatch: recordBatch,
                rulesDirectory: rulesOptions.rulesDirectory, connectAttempts: runOptions.connectAttempts,
                retrySpacing: runOptions.retrySpacing, deadline: runOptions.deadline, verbose: runOptions.verbose)
            if !refused.isEmpty { throw SweepEnqueue.refusal(refused) }
        }
    }

    func run() async throws {
        if enqueue {
            return try await SweepEnqueue(inventory: inventoryOptions, selection: selectionOptions, store: store,
                                          requestedBy: requestedBy).run()
        }
        MallocArenas.limit()
        let inventory = try inventoryOptions.load()
        let devices: [Device]
        do {
            devices = try selectionOptions.selection().devices(in: inventory)
        } catch let unknown as DeviceSelection.Unknown {
            throw CLIError.usage(Self.describe(unknown, in: inventory.path))
        }
        try OpenFilesLimit.check(concurrency: concurrency)
        let output = try jsonLines.map(JSONLinesFile.init(path:))
        try await EngineSetup.withEngine(inventory: inventory, rules: rulesOptions, store: store, logger: runOptions.logger(),
                                         batchLimit: recordBatch) { engine in
            try await runSweep(devices, engine: engine, output: output)
        }
    }

    private func runSweep(_ devices: [Device], engine: TriageEngine, output: JSONLinesFile?) async throws {
        let request = DiagnosisRequest(requestedBy: EngineSetup.requester(requestedBy), act: !noAct, probe: runOptions.settings)
        let options = SweepOptions(concurrency: concurrency, request: request)

        let (run, signal) = await TerminationSignals.interrupting(onSignal: { number in
            request.interruption.set("interrupted by \(EngineSetup.signalName(number))")
        }) {
            await Self.sweep(devices, engine: engine, options: options, output: output)
        }
        var tally = run.tally
        if let error = run.outputError {
            tally.failures.append("--json-lines: \(error)")
        }
        var summary = SweepSummary(tally: tally)
        if signal == nil, !noAct {
            summary.delivery = SweepSummary.delivery(await engine.deliverPending(keepingDelivered: false))
        }
        for line in summary.lines(interruptedBy: signal.map(EngineSetup.signalName)) { print(line) }
        if let signal { throw ExitCode(128 + signal) }
        if tally.exitStatus != 0 { throw ExitCode(tally.exitStatus) }
    }

    /// The sweep itself, shown as it goes; runs in the task a signal cancels.
    private static func sweep(_ devices: [Device], engine: TriageEngine, options: SweepOptions,
                              output: JSONLinesFile?) async -> SweepRun {
        var run = SweepRun(tally: SweepTally(total: devices.count))
        var display = SweepDisplay()
        await engine.sweep(devices, options) { result in
            run.tally.add(result)
            display.show(result, tally: run.tally)
            guard let output, run.outputError == nil else { return }
            do {
                switch result.status {
                case .diagnosed(let diagnosis, let facts, let recorded):
                    try output.append(diagnosis, facts: facts, actions: [StoreActing.describe(recorded)])
                case .notRecorded(let diagnosis, let facts, _):
                    try output.append(diagnosis, facts: facts, actions: ["none: the diagnosis could not be recorded"])
                case .ownFailure, .interrupted, .notStarted:
                    break
                }
            } catch {
                run.outputError = "\(error)"
            }
        }
        display.finish(run.tally)
        return run
    }

    static func describe(_ unknown: DeviceSelection.Unknown, in path: String) -> String {
        var lines: [String] = []
        if !unknown.groups.isEmpty { lines.append("no group \(unknown.groups.joined(separator: ", ")) in \(path)") }
        if !unknown.ids.isEmpty {
            let shown = unknown.ids.prefix(10).joined(separator: ", ")
            lines.append("no device \(shown)\(unknown.ids.count > 10 ? " and \(unknown.ids.count - 10) more" : "") in \(path)")
        }
        return lines.joined(separator: "\n") + "\nCheck the ids and groups against the inventory (`triage inventory check`)."
    }
}

/// What the sweep's task hands back when it ends, finished or interrupted.
struct SweepRun: Sendable {
    var tally: SweepTally
    /// The first write to --json-lines that failed; later lines are not attempted.
    var outputError: String?
}
