import Foundation
import Glibc
import TriageCore
import TriageInventory
import TriageEngine

/// What `triage sweep` shows while it runs. On a terminal (and without NO_COLOR): one live
/// progress line, redrawn in place at most four times a second, with a line above it for each
/// device that needs action. In a pipe or with NO_COLOR: one plain line per finished device and
/// no escape codes at all.
struct SweepDisplay {
    let live: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        live = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil
        started = clock.now
    }

    mutating func show(_ result: DeviceResult, tally: SweepTally) {
        let line = Self.line(for: result)
        if live {
            // A line written above takes the progress line's place: it is drawn again at once, or the
            // terminal would show no progress until the next device after the quarter second.
            let wroteAbove = line != nil && result.diagnosis?.verdict != .healthy
            if wroteAbove, let line { writeAboveProgress(line) }
            let now = clock.now
            if wroteAbove || lastDraw.map({ $0.duration(to: now) >= .milliseconds(250) }) ?? true || tally.done == tally.total {
                lastDraw = now
                draw(progress(tally))
            }
        } else if let line {
            // Flushed per device: whoever follows a piped sweep (tail -f, a log) sees it as it goes.
            print(line)
            TerminalStreams.flush()
        }
    }

    /// Ends the live line, so that the summary starts on a fresh one.
    func finish(_ tally: SweepTally) {
        guard live else { return }
        draw(progress(tally))
        writeRaw("\n")
    }

    /// "12/200 done, 8.3/s, ETA 23s; healthy 7, remediable 2, replace 1, escalate 2; 0 failures".
    func progress(_ tally: SweepTally) -> String {
        let elapsed = Self.seconds(started.duration(to: clock.now))
        let rate = elapsed > 0 ? Double(tally.done) / elapsed : 0
        let eta = rate > 0 ? "\(Int((Double(tally.total - tally.done) / rate).rounded()))s" : "?"
        return "\(tally.done)/\(tally.total) done, \(String(format: "%.1f", rate))/s, ETA \(eta); "
            + "\(tally.verdictCounts); \(tally.failures.count) failures"
            + (tally.interrupted > 0 ? ", \(tally.interrupted) interrupted" : "")
    }

    /// One device's line: its id, what became of it, and why.
    static func line(for result: DeviceResult) -> String? {
        let id = result.device.id
        switch result.status {
        case .diagnosed(let diagnosis, _, _):
            return "\(id): \(diagnosis.verdict.rawValue): \(SweepTally.reason(diagnosis))"
        case .notRecorded(let diagnosis, _, _):
            return "\(id): \(diagnosis.verdict.rawValue), NOT RECORDED (the store refused it)"
        case .ownFailure(let failure, _):
            return "\(id): failed (Triage's own, no verdict): \(failure)"
        case .interrupted:
            return "\(id): interrupted; no verdict"
        case .notStarted:
            return nil
        }
    }

    private func writeAboveProgress(_ line: String) {
        writeRaw("\r\u{1B}[2K")
        print(line)
        TerminalStreams.flush()
    }

    private func draw(_ text: String) {
        writeRaw("\r\u{1B}[2K" + TerminalText.neutralised(text))
    }

    /// Our own control sequences go straight to the descriptor: the stdout filter would show them
    /// as text. Everything that came from elsewhere is neutralised before it gets here.
    private func writeRaw(_ text: String) {
        TerminalStreams.flush()
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
