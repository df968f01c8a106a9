import Foundation
public import Logging

/// Runs the probe scripts on one device through a `ProbeTransport` and reads what they print.
///
/// Nothing is installed on the device: each script goes over the session's stdin to `sh -s`,
/// with a fresh boundary token per run. A probe that is cut short (deadline, output cap, dropped
/// session) keeps what arrived; the next probe gets a new session. The one runner drives every
/// transport: libssh for devices, the local shell for rule tests, memory for pipeline tests.
public struct ProbeRunner: Sendable {
    public var catalog: ProbeCatalog
    public var retry: ConnectRetryPolicy
    /// The whole run, all probes and retries together, must end within this.
    public var overallDeadline: Duration

    public init(catalog: ProbeCatalog, retry: ConnectRetryPolicy = .standard, overallDeadline: Duration = .seconds(300)) {
        self.catalog = catalog
        self.retry = retry
        self.overallDeadline = overallDeadline
    }

    public func run(on device: ProbedDevice, through transport: any ProbeTransport, logger: Logger,
                    progress: ProbeRunProgress.Handler? = nil) async -> ProbeRunOutcome {
        let report = progress ?? { _ in }
        let clock = ContinuousClock()
        let started = clock.now
        let end = started.advanced(by: overallDeadline)
        var outcome = ProbeRunOutcome(device: device, startedAt: Date())
        defer { outcome.duration = started.duration(to: clock.now) }

        var connection: (any ProbeSession)?
        do throws(TransportFailure) {
            connection = try await connectWithRetries(device, through: transport, until: end, outcome: &outcome, logger: logger,
                                                      progress: report)
            report(.connected(attempts: outcome.connectAttempts))
        } catch {
            report(.done(connected: false))
            outcome.connectionFailure = error
            outcome.probesNotRun = catalog.scripts.map(\.name)
            outcome.duration = started.duration(to: clock.now)
            return outcome
        }
        for (index, script) in catalog.scripts.enumerated() {
            let remaining = clock.now.duration(to: end)
            if connection == nil, remaining > .zero {
                do {
                    connection = try await transport.connect(logger: logger)
                } catch let error where error.isTriagesOwn {
                    // A reconnect that fails on Triage's side (out of descriptors, say) says nothing
                    // about the device: the run ends as Triage's own failure, not as probes "not run".
                    outcome.connectionFailure = error
                    outcome.probesNotRun = catalog.scripts[index...].map(\.name)
                    break
                } catch {
                    connection = nil
                }
            }
            guard let session = connection, remaining > .zero, !Task.isCancelled else {
                outcome.probesNotRun = catalog.scripts[index...].map(\.name)
                break
            }
            report(.probeStarted(name: script.name, index: index + 1, count: catalog.scripts.count))
            let probeStarted = clock.now
            let record = await runProbe(script, on: session, deadline: min(transport.commandDeadline, remaining))
            report(.probeFinished(name: script.name, duration: probeStarted.duration(to: clock.now),
                                  sections: record.reading.sections.count, complete: record.isComplete))
            outcome.probes.append(record)
            if record.failure != nil || record.isTruncated {
                // The transport closed that session; the next probe starts a new one.
                await session.close()
                connection = nil
            }
            if record.failure?.code == .deadlineExceeded, record.reading.sections.isEmpty {
                // Not one section before the deadline: the device takes logins but runs nothing.
                // Every further probe would only wait out its own deadline as well.
                outcome.probesNotRun = catalog.scripts[(index + 1)...].map(\.name)
                break
            }
            logger.debug("probe finished", metadata: [
                "device": "\(device.id)", "probe": "\(script.name)", "sections": "\(record.reading.sections.count)",
                "complete": "\(record.isComplete)",
            ])
        }
        await connection?.close()
        outcome.duration = started.duration(to: clock.now)
        report(.done(connected: true))
        return outcome
    }

    private func connectWithRetries(_ device: ProbedDevice, through transport: any ProbeTransport,
                                    until end: ContinuousClock.Instant, outcome: inout ProbeRunOutcome,
                                    logger: Logger, progress: ProbeRunProgress.Handler) async throws(TransportFailure) -> any ProbeSession {
        var attempt = 0
        while true {
            attempt += 1
            outcome.connectAttempts = attempt
            progress(.connecting(attempt: attempt, of: retry.attempts))
            do throws(TransportFailure) {
                return try await transport.connect(logger: logger)
            } catch {
                let last = attempt >= retry.attempts || !retry.isWorthRetrying(error)
                    || ContinuousClock.now.advanced(by: retry.spacing) >= end
                logger.info("connect failed", metadata: [
                    "device": "\(device.id)", "attempt": "\(attempt)", "code": "\(error.code.rawValue)", "final": "\(last)",
                ])
                if last { throw error }
                do {
                    try await Task.sleep(for: retry.spacing)
                } catch {
                    throw TransportFailure(.cancelled, endpoint: transport.endpoint, detail: "cancelled while waiting to retry",
                                           remedy: "Nothing to do.")
                }
            }
        }
    }

    private func runProbe(_ script: ProbeScript, on session: any ProbeSession, deadline: Duration) async -> ProbeRunRecord {
        let token = ProbeToken.random()
        let reader = ProbeStreamReader(token: token)
        let result: ProbeCommandResult
        var failure: TransportFailure?
        do throws(TransportFailure) {
            result = try await session.run(command: script.commandLine(token: token), stdin: Array(script.stdin),
                                           deadline: deadline, outputLimit: nil)
        } catch {
            failure = error
            result = error.partialResult ?? ProbeCommandResult()
        }
        return ProbeRunRecord(
            name: script.name, sha256: script.sha256, reading: reader.read(result.stdout), exitStatus: result.exitStatus,
            isTruncated: result.isTruncated, failure: failure,
            shellErrors: Redaction.redact(text: String(decoding: result.stderr.prefix(4096), as: UTF8.self)))
    }
}
