import ArgumentParser
import Foundation
import TriageActions
import TriageCore
import TriageStore

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "The record itself: where it is, its retention, and recording diagnoses made elsewhere.",
        subcommands: [Info.self, Prune.self, Record.self])

    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Where the store is, its schema version and sink.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            if case .file(let path) = try store.address(in: try store.configuration()), !FileManager.default.fileExists(atPath: path) {
                return print("store: \(path) (not created yet: `triage diagnose` creates it on its first run)")
            }
            try await store.withStore(.reading) { database, configuration in
                // A server store shows its address without the password.
                print("store: \(database.location)")
                if let exposure = (database as? AppDatabase)?.exposure { printError("warning: \(exposure)") }
                print("migrations: \(try await database.appliedMigrations().joined(separator: ", "))")
                print("sink: \(configuration.sink.name)")
                print("evidence retention: \(configuration.evidenceRetentionDays.map { "\($0) days" } ?? "forever")")
            }
        }
    }

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete evidence (raw sections) older than the retention; diagnoses, findings and the audit log stay.")

        @Option(name: .long, help: "Keep this many days (default: store.evidence_retention_days, 90).")
        var days: Int?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore(.existing) { database, configuration in
                guard let keep = days ?? configuration.evidenceRetentionDays else { return print("retention is 'forever': nothing pruned") }
                guard keep >= 0 else { throw CLIError.usage("--days must be 0 or more") }
                let removed = try await database.pruneEvidence(recordedBefore: Date().addingTimeInterval(-Double(keep) * 86_400))
                print("pruned \(removed) evidence section(s) older than \(keep) days")
            }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a diagnosis from its JSON (as `triage diagnose --json` or `triage show --json` prints it), act on it and deliver.",
            discussion: "Used to replay a diagnosis made elsewhere, and by the tests. Exit status: 0 when delivered, 1 when delivery is still pending.")

        @Argument(help: "The diagnosis JSON file ('-' for standard input).")
        var file: String

        @Flag(name: .long, help: "Record the diagnosis and its audit entry only: no order, ticket or note.")
        var noAct = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let diagnosis = try DiagnosisFile.read(file)
            try await store.withStore(.record) { database, configuration in
                let recorder = DiagnosisRecorder(database: database, configuration: configuration, logger: store.logger())
                let recorded = try await recorder.record(diagnosis, outcome: nil, act: !noAct)
                print(StoreActing.describe(recorded))
                await DeliveryHook.pauseIfAsked()
                let report = await recorder.deliverPending()
                try DeliveryReportText.print(report, json: output.json)
                if report.failed > 0 || report.storeError != nil { throw ExitCode(1) }
            }
        }
    }
}
