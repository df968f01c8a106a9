import Foundation

/// Folders the parser tests read: the test sources and the shared corpus of real device outputs.
enum TestPaths {
    /// Tests/TriageCoreTests/
    static let testsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The package root: two levels above Tests/TriageCoreTests/.
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` beside the checkout, as on the machines and in CI.
    static let corpus = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus").standardizedFileURL

    /// The files of one corpus kind (`iw-dev`, `leds`, …), sorted; empty when the folder is missing.
    static func corpusFiles(kind: String) -> [URL] {
        let folder = corpus.appendingPathComponent(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
