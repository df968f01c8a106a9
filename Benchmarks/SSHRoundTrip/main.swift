// Measures one connect + authenticate + exec round trip against a real dropbear on loopback,
// as OpenWrt runs it, and prints the distribution. A benchmark, not a test: it asserts nothing.
import Foundation
import Logging
import SSHTransport
import TriageTestSupport

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100
let kind = CommandLine.arguments.dropFirst(2).first.flatMap(SSHTestServer.Kind.init(rawValue:)) ?? .dropbear
let logger = Logger(label: "bench")

let samples = try await SSHTestServer.with(kind) { server in
    let configuration = server.configuration()
    var samples: [Duration] = []
    for _ in 0..<rounds {
        let started = ContinuousClock.now
        let connection = try await SSHConnection.connect(configuration, logger: logger)
        let result = try await connection.run("sh -s", stdin: Array("echo ok\n".utf8))
        await connection.close()
        precondition(result.stdoutText == "ok\n", "unexpected output: \(result.stdoutText)")
        samples.append(started.duration(to: .now))
    }
    return samples
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
let sorted = samples.map(milliseconds).sorted()
func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
print(String(format: "%@ connect+auth+exec (ed25519 key, sh -s), %d rounds: median %.2f ms, p10 %.2f ms, p90 %.2f ms, max %.2f ms",
             kind.rawValue, sorted.count, percentile(0.5), percentile(0.1), percentile(0.9), sorted.last ?? 0))
