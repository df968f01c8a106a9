import ArgumentParser
import Foundation
import Logging
import SSHTransport
import TriageActions
import TriageCore
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
          help: "The network side reports the customer's line down: an unreachable device is then escalated, not replaced.")
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
        let rules = try rulesOptions.loadBook()
        // Opened before the device is touched: a bad config or an unwritable store fails first.
        let (database, configuration) = try await store.open()
        let recorder = DiagnosisRecorder(database: database, configuration: configuration, logger: store.logger())
        let catalog: ProbeCatalog
        do {
            catalog = try ProbeCatalog.bundled()
        } catch {
            throw CLIError.failure("\(error)")
        }
        let logger = runOptions.logger()
        let runner = runOptions.runner(catalog: catalog, for: target)
        let progress = ProgressDisplay(device: target.id)
        let (outcome, signal) = await TerminationSignals.interrupting {
            await runner.run(on: target, logger: logger, progress: progress.handler)
        }
        if let signal { try await interrupted(outcome, by: signal, recorder: recorder) }
        if let failure = outcome.connectionFailure, failure.isTriagesOwn {
            try? await recorder.recordAudit(outcome, requestedBy: requester)
            throw CLIError.failure(failure.description)
        }
        progress.diagnosing()
        let request = Diagnoser.Request(
            requestedBy: requester, originTicket: ticket,
            lineKnownDown: lineKnownDown)
        let (diagnosis, facts) = Diagnoser(rules: rules).diagnose(outcome, request: request)
        let acting = StoreActing(recorder: recorder, outcome: outcome, act: !noAct)
        let output = VerdictOutput(diagnosis: diagnosis, facts: facts, json: json, acted: !noAct,
                                   presentation: presentation)
        let recorded: String
        do {
            recorded = try await acting.record(diagnosis)
        } catch {
            // The technician still sees what the device showed; only the record (and so any action) is missing.
            try await output.showVerdict(actions: ["none: the diagnosis could not be recorded (see the error below)"])
            throw CLIError.failure("""
                the diagnosis above (\(diagnosis.verdict.rawValue)) is not recorded: the store refused it, so nothing was \
                ordered, escalated or noted: \(error). Make room or fix the store (`triage store info`), then diagnose again.
                """)
        }
        // Shown before delivery: a slow or silent sink must not keep the verdict from the technician.
        try await output.showVerdict(actions: [recorded])
        output.showDelivery(await acting.deliver())
        if diagnosis.verdict.exitStatus != 0 { throw ExitCode(diagnosis.verdict.exitStatus) }
    }

    /// Ctrl-C or SIGTERM during the probe run: the session is closed (the runner was cancelled) and
    /// goes in the audit log as interrupted; no verdict, no action. Exits 128 + the signal's number.
    private func interrupted(_ outcome: ProbeRunOutcome, by signal: Int32, recorder: DiagnosisRecorder) async throws -> Never {
        let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
        do {
            try await recorder.recordAudit(outcome, requestedBy: requester, interruption: "interrupted by \(name)")
            printError("interrupted by \(name): the SSH session to \(outcome.device.id) was closed and is in the audit log; no verdict, no action")
        } catch {
            printError("error: interrupted by \(name), and the audit entry for the session to \(outcome.device.id) could not be written: \(error)")
        }
        throw ExitCode(128 + signal)
    }

    private var requester: String {
        requestedBy ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
    }

}
