import Subprocess

/// Keeps what a client printed (stdout up to 1 MiB, all of stderr) and counts every stdout byte.
actor OutputCollector {
    private var stdout: [UInt8] = []
    private var stderr: [UInt8] = []
    private var stdoutBytes = 0

    /// Reads both streams to their end; once `limit` stdout bytes arrived, calls `stop` (which
    /// ends the client, and so the streams) once.
    func drain(
        _ out: SubprocessOutputSequence, _ err: SubprocessOutputSequence, stopAfter limit: Int,
        stop: @escaping @Sendable () -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var stopped = false
                for try await chunk in out {
                    let total = await self.addStdout(chunk.withUnsafeBytes { Array($0) })
                    if total >= limit && !stopped {
                        stopped = true
                        stop()
                    }
                }
            }
            group.addTask {
                for try await chunk in err { await self.addStderr(chunk.withUnsafeBytes { Array($0) }) }
            }
            try await group.waitForAll()
        }
    }

    private func addStdout(_ bytes: [UInt8]) -> Int {
        stdoutBytes += bytes.count
        if stdout.count < 1 << 20 { stdout += bytes.prefix((1 << 20) - stdout.count) }
        return stdoutBytes
    }

    private func addStderr(_ bytes: [UInt8]) { stderr += bytes }

    func snapshot() -> (stdout: String, stderr: String, stdoutBytes: Int) {
        (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), stdoutBytes)
    }
}
