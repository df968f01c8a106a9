import ArgumentParser
import TriageCore

/// The CLI's one edge for errors: whatever ends a command is reported and turned into its exit
/// status here, and nowhere else (Docs/architecture.md, "One error protocol").
///
/// - `TriageError`: `error: <message> <remedy>` on stderr; `usage` exits 2, Triage's own 1. A
///   `device` error exits 1 too: commands that diagnose turn a device's failures into verdicts
///   (0/10/20/30) before they could get here.
/// - `ProblemsFound`: the report as it is, exit 1.
/// - ArgumentParser's own (`ExitCode` for verdicts and interruptions, `CleanExit`, validation
///   errors) and anything else: ArgumentParser's handling.
enum ErrorEdge {
    static let usageStatus: Int32 = 2
    static let triagesOwnStatus: Int32 = 1

    static func status(for kind: TriageErrorKind) -> Int32 {
        switch kind {
        case .usage: usageStatus
        case .device, .triagesOwn: triagesOwnStatus
        }
    }

    static func exit(reporting error: any Error) -> Never {
        switch error {
        case let error as any TriageError:
            printError("error: \(error.displayText)")
            Triage.exit(withError: ExitCode(status(for: error.kind)))
        case let found as ProblemsFound:
            printError(found.report)
            Triage.exit(withError: ExitCode(triagesOwnStatus))
        default:
            Triage.exit(withError: error)
        }
    }
}
