import ArgumentParser
import Foundation
import Logging
import SSHTransport
import TriageActions
import TriageCore

/// `triage diagnose`: probe one device, diagnose it by the knowledge base, print the verdict, act.
struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Probe a device over SSH, diagnose it, and print the verdict with its findings and evidence.",
        discussion: """
            Exit status: 0 healthy, 10 remediable, 20 replace, 30 escalate; 1 an error of Triage itself, \
            2 a usage error. The rules: Docs/knowledge-base.md; the --json format: Docs/diagnosis-json.md.
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
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let inventory = try inventoryOptions.load()
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
        let outcome = await runOptions.runner(catalog: catalog, for: target).run(on: target, logger: logger)
        if let failure = outcome.connectionFailure, Self.ownFailures.contains(failure.code) {
            try? await recorder.recordAudit(outcome, requestedBy: requester)
            throw CLIError.failure(failure.description)
        }
        let request = Diagnoser.Request(
            requestedBy: requester, originTicket: ticket,
            lineKnownDown: lineKnownDown)
        let (diagnosis, facts) = Diagnoser(rules: rules).diagnose(outcome, request: request)
        let acting = StoreActing(recorder: recorder, outcome: outcome, act: !noAct)
        let actions: [String]
        do {
            actions = try await acting.act(on: diagnosis)
        } catch {
            throw CLIError.failure("the diagnosis is made (\(diagnosis.verdict.rawValue)), but acting on it failed: \(error)")
        }
        if json {
            print(try DiagnosisDocument(diagnosis, facts: facts, actions: actions).json())
        } else {
            print(DiagnosisSummary.text(for: diagnosis, actions: actions, acted: !noAct))
        }
        if diagnosis.verdict.exitStatus != 0 { throw ExitCode(diagnosis.verdict.exitStatus) }
    }

    private var requester: String {
        requestedBy ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
    }

    /// Failures that say nothing about the device, only about Triage's own setup: exit 1, no verdict.
    static let ownFailures: Set<SSHError.Code> = [
        .credentialUnavailable, .hostKeyUnknown, .cancelled, .nameNotResolved, .localFailure,
    ]
}
