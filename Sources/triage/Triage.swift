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
            DiagnoseCommand.self, SweepCommand.self, RulesCommand.self, InventoryCommand.self, SimulateCommand.self,
            ShowCommand.self, HistoryCommand.self, OrdersCommand.self, TicketsCommand.self, OutboxCommand.self,
            StoreCommand.self,
        ]
    )

    /// Runs the command and turns errors into the documented exit statuses: 2 for a usage
    /// error (bad arguments, unusable inventory), 1 for a failure of Triage itself.
    static func main() async {
        TerminalStreams.install()
        do {
            try OpenFilesLimit.ensure()
        } catch {
            printError("error: \(error.message)")
            exit(withError: ExitCode(error.status))
        }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError(fullMessage(for: error))
            exit(withError: ExitCode(CLIError.usageStatus))
        }
        do {
            var command = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            printError("error: \(error.message)")
            exit(withError: ExitCode(error.status))
        } catch {
            exit(withError: error)
        }
    }
}
