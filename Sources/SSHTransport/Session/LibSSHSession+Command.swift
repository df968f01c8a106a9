import CLibSSH

extension LibSSHSession {
    /// Runs `command`, feeding it `input` on stdin, and collects stdout and stderr up to `outputLimit`.
    ///
    /// Writing and reading are interleaved, so a command that prints before it has read all its
    /// input cannot deadlock. A cut-off, a deadline or a broken channel tears the whole session
    /// down: what remains of a misbehaving device's session is not worth trusting.
    func execute(_ command: String, input: [UInt8], limit: Duration, outputLimit: Int) throws(SSHError) -> SSHCommandResult {
        guard let session = handle else {
            throw SSHError(.channelClosed, step: .command, detail: "the session is closed", remedy: "Open a new session.")
        }
        let started = ContinuousClock.now
        let deadline = StepDeadline(.command, limit: limit, from: started)
        var result = SSHCommandResult()
        let outcome: Result<Bool, SSHError>
        do throws(SSHError) {
            let channel = try openChannel(session, command: command, deadline: deadline)
            do throws(SSHError) {
                outcome = .success(try pump(channel, input: input, outputLimit: outputLimit, deadline: deadline, into: &result))
            } catch {
                outcome = .failure(error)
            }
            // Freed before any close(): ssh_free releases a session's channels with it.
            ssh_channel_free(channel)
        } catch {
            outcome = .failure(error)
        }
        result.duration = started.duration(to: .now)
        switch outcome {
        case .success(true):
            if result.isTruncated { close() }
            return result
        case .success(false):
            close()
            var error = SSHError(.channelClosed, step: .command,
                                 detail: "the device closed the channel before the command reported its exit status",
                                 remedy: "The output may be incomplete; retry once. If it repeats, the device's SSH server or shell is failing.")
            error.partialResult = result
            throw error
        case .failure(var error):
            close()
            if error.code == .deadlineExceeded || error.code == .cancelled { error.partialResult = result }
            throw error
        }
    }

    private func openChannel(_ session: OpaquePointer, command: String, deadline: StepDeadline) throws(SSHError) -> OpaquePointer {
        guard let channel = ssh_channel_new(session) else {
            throw SSHError(.channelClosed, step: .command, detail: "cannot create a channel: \(libsshError())",
                           remedy: "The session broke; open a new one.")
        }
        do throws(SSHError) {
            try repeatWhileAgain(deadline) { ssh_channel_open_session(channel) } failure: { [self] in
                SSHError(.channelClosed, step: .command, detail: "the device refused a session channel: \(libsshError())",
                         remedy: "The device's SSH server may limit sessions; retry later.")
            }
            try repeatWhileAgain(deadline) { ssh_channel_request_exec(channel, command) } failure: { [self] in
                SSHError(.channelClosed, step: .command, detail: "the device refused to run the command: \(libsshError())",
                         remedy: "The device's SSH server does not allow commands for this user; escalate.")
            }
            return channel
        } catch {
            ssh_channel_free(channel)
            throw error
        }
    }

    /// Moves bytes until the exit status arrives (true), the channel closes without one (false),
    /// or the output limit is reached (true, result marked truncated).
    private func pump(_ channel: OpaquePointer, input: [UInt8], outputLimit: Int, deadline: StepDeadline,
                      into result: inout SSHCommandResult) throws(SSHError) -> Bool {
        var written = 0
        var sentEOF = false
        var streamEnded = [false, false]
        var buffer = [UInt8](repeating: 0, count: 32 * 1024)
        while true {
            var progressed = false
            if written < input.count {
                let chunk = min(32 * 1024, input.count - written)
                let n = input.withUnsafeBytes { ssh_channel_write(channel, $0.baseAddress! + written, UInt32(chunk)) }
                if n > 0 { written += Int(n); progressed = true }
                // The command may exit without reading its input; stop feeding it then.
                if n == SSH_ERROR { written = input.count }
            } else if !sentEOF {
                _ = ssh_channel_send_eof(channel)
                sentEOF = true
            }
            for stream in 0..<2 where !streamEnded[stream] {
                let room = outputLimit - result.stdout.count - result.stderr.count
                let n = buffer.withUnsafeMutableBytes {
                    ssh_channel_read_nonblocking(channel, $0.baseAddress, UInt32(min($0.count, max(room, 1))), Int32(stream))
                }
                if n > 0 {
                    progressed = true
                    let take = min(Int(n), room)
                    if stream == 0 { result.stdout += buffer[0..<take] } else { result.stderr += buffer[0..<take] }
                    if Int(n) > room || result.stdout.count + result.stderr.count >= outputLimit {
                        // Cut off at the limit, even if the command might have stopped right there.
                        result.isTruncated = true
                        return true
                    }
                } else if n == SSH_EOF {
                    streamEnded[stream] = true
                } else if n == SSH_ERROR {
                    return false
                }
            }
            if streamEnded[0] && streamEnded[1] {
                let status = ssh_channel_get_exit_status(channel)
                if status >= 0 {
                    result.exitStatus = status
                    return true
                }
                if ssh_channel_is_closed(channel) != 0 || status == SSH_ERROR && ssh_is_connected(handle) == 0 {
                    return false
                }
            }
            if !progressed { try waitForSocket(deadline) }
        }
    }
}
