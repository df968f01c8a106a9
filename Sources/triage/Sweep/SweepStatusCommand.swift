import ArgumentParser
import Foundation
import TriageStore

/// `triage sweep status ID`: how far a sweep put in the queue by `triage sweep --enqueue` got.
struct SweepStatusCommand: AsyncParsableCommand {
    /// The exit status while jobs of the sweep are still queued or running.
    static let stillRunning: Int32 = 3

    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the progress of a sweep queued with --enqueue.",
        discussion: """
            Prints finished/total, the jobs per state, the verdicts and the devices whose job failed with the \
            reason (Triage's own failures: no verdict about those devices). Exit status: 0 when every job of \
            the sweep finished, 3 while some are queued or running, 2 for an unknown id. With --watch it prints \
            each change and returns when the sweep finished (exit 0).
            """)

    @Argument(help: "The sweep's id, as --enqueue printed it.")
    var id: String

    @Flag(help: "Follow the sweep until every job finished.")
    var watch = false

    @Option(name: .long, help: ArgumentHelp("Seconds between looks with --watch (1–300).", visibility: .hidden))
    var interval: Double = 2

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard UUID(uuidString: id) != nil else { throw ValidationError("the sweep id must be the UUID --enqueue printed, not \(id)") }
        guard (1...300).contains(interval) else { throw ValidationError("--interval must be 1–300 seconds") }
    }

    func run() async throws {
        guard let uuid = UUID(uuidString: id) else { return }
        try await store.withStore(.reading) { database, _ in try await follow(uuid, in: database) }
    }

    private func follow(_ uuid: UUID, in database: any RecordStore) async throws {
        var progress = try await Self.progress(uuid, in: database)
        if watch {
            var shown = SweepStatusText.progressLine(progress)
            print(shown)
            while !progress.isComplete {
                try await Task.sleep(for: .milliseconds(Int64(interval * 1000)))
                progress = try await Self.progress(uuid, in: database)
                let line = SweepStatusText.progressLine(progress)
                if line != shown { print(line) }
                shown = line
            }
        }
        if output.json {
            try JSONOutput.print(SweepStatusDocument(progress))
        } else {
            for line in SweepStatusText.lines(progress) { print(line) }
        }
        if !progress.isComplete { throw ExitCode(Self.stillRunning) }
    }

    private static func progress(_ id: UUID, in database: any RecordStore) async throws -> SweepProgress {
        guard let progress = try await database.sweepProgress(id: id) else {
            throw CLIError.usage("no sweep \(id.uuidString.lowercased()) in this store. Check the id and --db (or store: in the config).")
        }
        return progress
    }
}
