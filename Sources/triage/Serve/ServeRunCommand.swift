import ArgumentParser
import Logging
import TriageActions
import TriageEngine
import TriageService

/// `triage serve [run]`: runs until SIGTERM or SIGINT, then drains and exits 0.
struct ServeRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the escalation service (the default).",
        discussion: """
            Listens on service.listen (127.0.0.1:8480 by default) for POST /v1/escalations; Docs/openapi.yaml is the API, \
            Docs/operations.md how to run it. SIGTERM or SIGINT: intake closes (503), running jobs finish within \
            service.shutdown_grace_seconds or go back to the queue, the outbox is delivered once more; exit 0. \
            Exit 2: a usage error (config, inventory, token file, port in use); 1: Triage's own failure.
            """)

    @OptionGroup var inventoryOptions: InventoryOptions
    @OptionGroup var rulesOptions: RulesOptions
    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        MallocArenas.limit()
        let inventory = try inventoryOptions.load()
        var logger = Logger(label: "triage.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        try await EngineSetup.withEngine(inventory: inventory, rules: rulesOptions, store: store, logger: logger) { engine in
            try await serve(engine, logger: logger)
        }
    }

    private func serve(_ engine: TriageEngine, logger: Logger) async throws {
        let configuration = try store.configuration()
        let service = EscalationService(engine: engine, database: engine.recorder.database, configuration: configuration.service,
                                        signingSecret: try configuration.service.readSigningSecret(), logger: logger)
        if configuration.service.tokens.isEmpty, configuration.service.signingSecret == nil {
            logger.warning("no service.tokens and no signing secret: every escalation will be refused (401)")
        }
        // rt.intake: the RT queue is watched too, and its tickets go through the same intake.
        let watchers = RequestTrackerIntake(configuration: configuration, logger: logger).map { [service.requestTrackerWatcher($0)] } ?? []
        try await service.run(extraServices: watchers)
    }
}
