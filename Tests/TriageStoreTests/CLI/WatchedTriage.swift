import ChildProcess
import Foundation
import TriageTestSupport

/// A `triage` process the test watches while it runs: stdout and stderr go to files, read as they grow.
struct WatchedTriage: Sendable {
    let child: ChildProcess
    let outputPath: String
    let errorPath: String

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    static func start(_ arguments: [String], in folder: TemporaryDirectory, name: String) throws -> WatchedTriage {
        let outputPath = folder.url.appendingPathComponent("\(name).stdout").path
        let errorPath = folder.url.appendingPathComponent("\(name).stderr").path
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let errors = open(errorPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { for descriptor in [input, output, errors] { close(descriptor) } }
        let child = try ChildProcess(
            executable: TriageExecutable.path, arguments: arguments, environment: ProcessInfo.processInfo.environment,
            standardInput: input, standardOutput: output, standardError: errors)
        return WatchedTriage(child: child, outputPath: outputPath, errorPath: errorPath)
    }

    /// Waits until `condition` holds, the process has ended, or `limit` has passed; says whether it held.
    func wait(upTo limit: Duration, until condition: (WatchedTriage) -> Bool) async -> Bool {
        let end = ContinuousClock.now + limit
        while !condition(self) {
            if child.hasExited || ContinuousClock.now > end { return condition(self) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
