import Synchronization
import TriageActions

/// Group commit: devices that finish while a transaction is being written are recorded together
/// in the next one, so a sweep costs one commit (and one fsync) per batch instead of per device,
/// and a lone diagnosis is written at once, without waiting for company.
///
/// No task of its own: the first caller to find the store idle writes, with its own item, what
/// others queued meanwhile (up to `batchLimit`); then it hands the turn to the next waiter, if
/// any, and returns. Recording is not cancellable (`DiagnosisRecorder.record(batch:)`): a device
/// that finished, or was cut off, is on record even when the sweep is being stopped.
final class RecordingQueue: Sendable {
    typealias Outcome = Result<RecordedDiagnosis?, any Error>

    private enum Turn {
        case recorded(Outcome)
        case write
    }

    private struct Waiting {
        var item: RecordingItem
        var continuation: CheckedContinuation<Turn, Never>
    }

    private struct State {
        var writing = false
        var queue: [Waiting] = []
    }

    private let recorder: DiagnosisRecorder
    private let batchLimit: Int
    private let state = Mutex(State())

    init(recorder: DiagnosisRecorder, batchLimit: Int) {
        self.recorder = recorder
        self.batchLimit = max(1, batchLimit)
    }

    func record(_ item: RecordingItem) async -> Outcome {
        let turn = await withCheckedContinuation { continuation in
            let writeNow = state.withLock { state in
                if state.writing {
                    state.queue.append(Waiting(item: item, continuation: continuation))
                    return false
                }
                state.writing = true
                return true
            }
            if writeNow { continuation.resume(returning: .write) }
        }
        switch turn {
        case .recorded(let outcome):
            return outcome
        case .write:
            return await write(item)
        }
    }

    /// Writes `own` with up to `batchLimit - 1` queued items, answers them, passes the turn on.
    private func write(_ own: RecordingItem) async -> Outcome {
        let others = state.withLock { state in
            let taken = Array(state.queue.prefix(batchLimit - 1))
            state.queue.removeFirst(taken.count)
            return taken
        }
        let results = await recorder.record(batch: [own] + others.map(\.item))
        for (waiting, result) in zip(others, results.dropFirst()) {
            waiting.continuation.resume(returning: .recorded(result))
        }
        let next: Waiting? = state.withLock { state in
            guard !state.queue.isEmpty else {
                state.writing = false
                return nil
            }
            return state.queue.removeFirst()
        }
        // The next waiter writes its own item and what queued behind it.
        next?.continuation.resume(returning: .write)
        return results[0]
    }
}
