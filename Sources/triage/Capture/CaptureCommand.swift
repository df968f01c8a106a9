import ArgumentParser
import Foundation
import TriageCore
import TriageSimulator

/// `triage capture`: a case met in the field becomes a scenario folder the simulator can serve,
/// redacted, with the verdict Triage found as its `expect` (Docs/knowledge-workflow.md).
struct CaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Probe a device and write its case as a redacted scenario folder the simulator serves.",
        discussion: """
            The folder (which must not exist yet) gets scenario.yaml (device model and firmware from its board \
            info, transport none, expect: the verdict found, marked as captured), commands/ and root/ rebuilt from \
            the probe sections. Secrets, MAC addresses, SSIDs, the hostname and public IPv4 addresses are masked, \
            the same value always by the same stand-in. The folder is 0700 and its files 0600: it is customer \
            evidence. To serve it from `triage simulate` as root, open it to the sandbox's user first \
            (chmod -R o+rX DIR). Nothing is recorded, ordered or escalated.
            """)

    @Argument(help: "The device id in the inventory.")
    var device: String

    @Option(name: .customLong("scenario-out"), help: "The scenario folder to write; its name is the scenario id.")
    var scenarioOut: String

    @OptionGroup var inventoryOptions: InventoryOptions
    @OptionGroup var rulesOptions: RulesOptions
    @OptionGroup var runOptions: ProbeRunOptions

    func validate() throws {
        guard ScenarioCapture.id(forFolder: folder) != nil else {
            throw ValidationError("--scenario-out's folder name becomes the scenario id: use lower-case letters, digits and dashes (e.g. case-4711).")
        }
        if FileManager.default.fileExists(atPath: folder.path) {
            throw ValidationError("\(folder.path) already exists: capture into a new folder.")
        }
    }

    private var folder: URL { URL(fileURLWithPath: scenarioOut, isDirectory: true).standardizedFileURL }

    func run() async throws {
        let book = try rulesOptions.loadBook()
        let outcome = try await DeviceProbe.run(device, inventory: inventoryOptions, options: runOptions)
        if let failure = outcome.connectionFailure {
            throw CLIError(kind: .device, message: "no session to \(device), so there is nothing to capture: \(failure.message)",
                           remedy: "A transport fault is reproduced with a scenario's `transport.fault`, not by a capture.")
        }
        let diagnoser = Diagnoser(rules: book)
        let (diagnosis, _) = diagnoser.diagnose(outcome, request: .init(requestedBy: "triage capture"))
        let mask = try CaptureMask()
        let masked = outcome.sections.map(mask.mask)
        let capture = CapturedCase(diagnosis: diagnosis, masked: masked, folder: folder)
        try capture.scenario.write(to: folder)
        // Masking must not change the case: a rule that reads a masked value would be told here.
        let maskedFindings = diagnoser.engine.findings(in: Diagnoser.document(sections: masked), sections: masked)
        print(capture.report(verdictOfMasked: VerdictPolicy.verdict(for: maskedFindings), complete: outcome.isComplete))
    }
}
