import ChildProcess
import Foundation
import TriageTestSupport

/// One run of the real `triage` binary, with every byte it printed on stdout and stderr.
struct TriageRun: Sendable {
    let exitCode: Int32?
    let standardOutput: [UInt8]
    let standardError: [UInt8]

    var output: String { String(decoding: standardOutput, as: UTF8.self) }
    var errors: String { String(decoding: standardError, as: UTF8.self) }
    var summary: String { "exit \(exitCode.map(String.init) ?? "by signal")\nstdout:\n\(output)\nstderr:\n\(errors)" }

    static func run(_ arguments: [String]) async throws -> TriageRun {
        let result = try await ChildProcess.collect(
            executable: TriageExecutable.path, arguments: arguments, environment: ProcessInfo.processInfo.environment,
            deadline: .seconds(300))
        return TriageRun(exitCode: result.exitCode, standardOutput: result.standardOutput, standardError: result.standardError)
    }
}
