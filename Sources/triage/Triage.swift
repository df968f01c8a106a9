import ArgumentParser
import TriageCore

@main
struct Triage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Second-level diagnosis of customer routers over SSH.",
        version: TriageVersion.current,
        subcommands: [SimulateCommand.self]
    )
}
