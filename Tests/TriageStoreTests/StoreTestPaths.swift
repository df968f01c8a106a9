import Foundation
import Logging
import TriageActions
import TriageStore
import TriageTestSupport

/// Paths and small builders the store tests share.
enum StoreTestPaths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func database(in folder: TemporaryDirectory, name: String = "triage.sqlite") async throws -> AppDatabase {
        try await AppDatabase.open(path: folder.url.appendingPathComponent(name).path)
    }

    static func recorder(_ database: AppDatabase, sink: SinkConfiguration = .local) -> DiagnosisRecorder {
        var logger = Logger(label: "triage-tests")
        logger.logLevel = .warning
        return DiagnosisRecorder(database: database, configuration: TriageConfiguration(sink: sink), logger: logger)
    }
}
