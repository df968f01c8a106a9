import ArgumentParser

/// `triage serve`: the escalation service (Docs/operations.md); `triage serve hash-token` for its config.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Take escalated tickets over HTTP, diagnose their routers and answer on the ticket.",
        subcommands: [ServeRunCommand.self, HashTokenCommand.self],
        defaultSubcommand: ServeRunCommand.self)
}
