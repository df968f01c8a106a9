import ChildProcess
import Foundation
import TriageCore

extension LineStateSource {
    /// The command's whole environment: it gets no secret of Triage's (tokens in variables stay here).
    static let commandEnvironment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]

    func command(_ templates: [LineStateTemplate], query: LineStateQuery) async -> (LineState.State, String) {
        var arguments: [String] = []
        for template in templates {
            switch template.filled(with: query) {
            case .success(let argument): arguments.append(argument)
            case .failure(let missing): return Self.missing(missing, query: query)
            }
        }
        guard let executable = arguments.first else { return (.unknown, "the line-state command is empty") }
        let rest = Array(arguments.dropFirst())
        let origin = "the line-state command \(executable)"
        let timeout = configuration.timeout
        let run: CollectedRun
        do {
            // The deadline outside kills the child at once when the time is up; the one inside
            // (SIGTERM, then SIGKILL) is the child's own chance to end cleanly before that.
            run = try await Deadline.run(seconds: timeout) {
                try await ChildProcess.collect(
                    executable: executable, arguments: rest, environment: Self.commandEnvironment,
                    outputLimit: Self.answerLimit, errorLimit: 4096, deadline: .seconds(timeout),
                    stopAfterOutputBytes: Self.answerLimit + 1)
            }
        } catch is Deadline.Expired {
            return (.unknown, "\(origin) timed out after \(Self.seconds(timeout)) s")
        } catch {
            return (.unknown, "\(origin) could not be run: \(error)")
        }
        if run.endedByDeadline { return (.unknown, "\(origin) timed out after \(Self.seconds(timeout)) s") }
        if run.standardOutputBytes > Self.answerLimit {
            return (.unknown, "\(origin) printed more than \(Self.answerLimit / 1024) KiB")
        }
        guard run.exitCode == 0 else {
            let said = LineStateAnswer.oneLine(String(decoding: run.standardError, as: UTF8.self))
            let ended = switch run.termination {
            case .exited(let code): "exited with status \(code)"
            case .signaled(let signal): "was ended by signal \(signal)"
            }
            return (.unknown, "\(origin) \(ended)\(said.isEmpty ? "" : ": \(said)")")
        }
        return LineStateAnswer.read(Data(run.standardOutput), from: origin)
    }
}
