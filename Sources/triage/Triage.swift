import ArgumentParser
import TriageCore

@main
struct Triage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Second-level diagnosis of customer routers over SSH.",
        discussion: """
            Triage connects to a router over SSH, runs read-only probes, diagnoses the fault and acts on it.
            Documentation: Docs/ in the Triage checkout (start with Docs/architecture.md).
            """,
        version: TriageVersion.current,
        subcommands: [
            DiagnoseCommand.self, SweepCommand.self, CaptureCommand.self, RulesCommand.self, InventoryCommand.self,
            SimulateCommand.self,
            ShowCommand.self, HistoryCommand.self, OrdersCommand.self, TicketsCommand.self, OutboxCommand.self,
            StoreCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command; every error ends at `ErrorEdge`, which reports it and picks the exit
    /// status (2 usage, 1 Triage's own; verdicts are statuses the commands choose themselves).
    static func main() async {
        TerminalStreams.install()
        do {
            try OpenFilesLimit.ensure()
        } catch {
            ErrorEdge.exit(reporting: error)
        }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError(fullMessage(for: error))
            exit(withError: ExitCode(ErrorEdge.usageStatus))
        }
        do {
            var command = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ErrorEdge.exit(reporting: error)
        }
    }
}
