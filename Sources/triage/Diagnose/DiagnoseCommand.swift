import ArgumentParser
import Foundation
import TriageCore
import TriageEngine
import TriageInventory

/// `triage diagnose`: probe one device, diagnose it by the knowledge base, print the verdict, act.
struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Probe a device over SSH, diagnose it, and print the verdict with its findings and evidence.",
        discussion: """
            Exit status: 0 healthy, 10 remediable, 20 replace, 30 escalate; 1 an error of Triage itself \
            (also when the store could not record the diagnosis: its verdict is printed first), 2 a usage error; \
            130 or 143 when SIGINT or SIGTERM stopped the probe run (audited as interrupted, no verdict). The rules: Docs/knowledge-base.md; the --json format: Docs/diagnosis-json.md.
            """)

    @Argument(help: "The device id in the inventory.")
    var device: String

    @OptionGroup var inventoryOptions: InventoryOptions
    @OptionGroup var rulesOptions: RulesOptions

    @Flag(help: "Print one JSON document (Docs/diagnosis-json.md) instead of the summary.")
    var json = false

    @Flag(name: .customLong("no-act"), help: "Diagnose and record only: open no order or ticket, write no note.")
    var noAct = false

    @Option(name: .customLong("requested-by"), help: "Who asks (kept with the diagnosis). Defaults to $USER.")
    var requestedBy: String?

    @Option(help: "The escalated ticket this diagnosis answers.")
    var ticket: String?

    @Flag(name: .customLong("line-known-down"),
          help: ArgumentHelp("The network side reports the customer's line down: an unreachable device is then escalated, not replaced.",
                             discussion: "Overrides the config's line_state: source, which is otherwise asked when the device cannot be reached (Docs/line-state.md)."))
    var lineKnownDown = false

    @OptionGroup var runOptions: ProbeRunOptions
    @OptionGroup var presentation: PresentationOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let inventory = try inventoryOptions.load(device: device)
        let target: Device
        do {
            target = try inventory.requireDevice(id: device)
        } catch {
            throw CLIError.usage(error.problems.map(\.message).joined(separator: "\n"))
        }
        try await EngineSetup.withEngine(inventory: inventory, rules: rulesOptions, store: store, logger: runOptions.logger()) { engine in
            try await diagnose(target, engine: engine)
        }
    }

    private func diagnose(_ target: Device, engine: TriageEngine) async throws {
        let request = DiagnosisRequest(
            requestedBy: EngineSetup.requester(requestedBy), originTicket: ticket, lineKnownDown: lineKnownDown,
            act: !noAct, probe: runOptions.settings, progress: ProgressDisplay(device: target.id).handler)
        let (result, signal) = await TerminationSignals.interrupting(onSignal: { number in
            request.interruption.set("interrupted by \(EngineSetup.signalName(number))")
        }) {
            await engine.diagnose(target, request)
        }
        switch result.status {
        case .diagnosed(let diagnosis, let facts, let recorded):
            let output = VerdictOutput(diagnosis: diagnosis, facts: facts, json: json, acted: !noAct,
                                       presentation: presentation)
            // Shown before delivery: a slow or silent sink must not keep the verdict from the technician.
            try await output.showVerdict(actions: [StoreActing.describe(recorded)])
            if let signal { throw ExitCode(128 + signal) }
            output.showDelivery(await StoreActing.deliver(engine, act: !noAct))
            if diagnosis.verdict.exitStatus != 0 { throw ExitCode(diagnosis.verdict.exitStatus) }
        case .notRecorded(let diagnosis, let facts, let error):
            // The technician still sees what the device showed; only the record (and so any action) is missing.
            let output = VerdictOutput(diagnosis: diagnosis, facts: facts, json: json, acted: !noAct,
                                       presentation: presentation)
            try await output.showVerdict(actions: ["none: the diagnosis could not be recorded (see the error below)"])
            throw CLIError.failure("""
                the diagnosis above (\(diagnosis.verdict.rawValue)) is not recorded: the store refused it, so nothing was \
                ordered, escalated or noted: \(error). Make room or fix the store (`triage store info`), then diagnose again.
                """)
        case .ownFailure(let failure, _):
            throw CLIError.failure(failure)
        case .interrupted(let auditError):
            let name = EngineSetup.signalName(signal ?? SIGINT)
            if let auditError {
                printError("error: interrupted by \(name), and the audit entry for the session to \(target.id) could not be written: \(auditError)")
            } else {
                printError("interrupted by \(name): the SSH session to \(target.id) was closed and is in the audit log; no verdict, no action")
            }
            throw ExitCode(128 + (signal ?? SIGINT))
        case .notStarted:
            throw ExitCode(128 + (signal ?? SIGINT))
        }
    }
}
