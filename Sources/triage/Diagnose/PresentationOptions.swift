import ArgumentParser
import Foundation
import TriageCore
import TriageReport

/// How a diagnosis is shown, shared by `triage diagnose` and `triage show`: all the evidence, and
/// the HTML report file.
struct PresentationOptions: ParsableArguments {
    @Flag(name: .long, help: "Show every evidence line (the summary folds each to the lines that matter).")
    var evidence = false

    @Option(name: .long, help: ArgumentHelp(
        "Also write the diagnosis as one self-contained HTML file (readable by you only: it holds evidence).",
        valueName: "file.html"))
    var report: String?

    /// A report that could not be written is known before the device is touched.
    func validate() throws {
        guard let report else { return }
        let folder = URL(fileURLWithPath: report).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--report \(report): the folder \(folder) does not exist; create it or choose another path.")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("--report \(report): the folder \(folder) is not writable for you; choose another path.")
        }
    }

    /// Writes the report if one was asked for; says where, on stderr.
    func writeReport(_ diagnosis: Diagnosis, actions: [String]) async throws {
        guard let report else { return }
        do {
            try await HTMLReport(diagnosis, actions: actions).write(to: report)
        } catch {
            throw CLIError.failure("the report was not written: \(error)")
        }
        printError("report: \(report)")
    }
}
