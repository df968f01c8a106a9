import Foundation
import TriageTestSupport

/// One run of the real `triage diagnose --json` binary, with its document read back.
struct DiagnoseCommandRun: Sendable {
    /// The parts of Docs/diagnosis-json.md the tests check.
    struct Document: Decodable, Sendable {
        struct Finding: Decodable, Sendable {
            struct Evidence: Decodable, Sendable {
                var section: String
                var lines: [String]
            }

            var component: String
            var code: String
            var verdict: String
            var rule: String
            var evidence: [Evidence]
        }

        struct Device: Decodable, Sendable {
            var id: String
            var host: String
        }

        var format: String
        var version: Int
        var verdict: String
        var exit_status: Int32
        var device: Device
        var started_at: String
        var duration_ms: Int
        var probe_sha256: [String: String]
        var findings: [Finding]
        var rules_fired: [String]
        var warnings: [String]
        var sections: [Section]?
        var facts: Facts?

        struct Section: Decodable, Sendable {
            var subject: String
        }

        /// A few facts, to check that a walk parsed something (issue 10, item 9).
        struct Facts: Decodable, Sendable {
            struct Named: Decodable, Sendable {
                var name: String
            }

            struct WLAN: Decodable, Sendable {
                var interfaces: [Named]
            }

            struct Link: Decodable, Sendable {
                var devices: [Named]
            }

            struct Probes: Decodable, Sendable {
                var complete: Bool
            }

            var wlan: WLAN?
            var link: Link?
            var probes: Probes?
        }
    }

    let exitCode: Int32?
    let document: Document?
    let standardError: String

    var findings: [Document.Finding] { document?.findings ?? [] }

    /// Components with a finding; with `deciding`, only findings whose verdict is not `healthy` (notes).
    func components(deciding: Bool = false) -> Set<String> {
        Set(findings.filter { !deciding || $0.verdict != "healthy" }.map(\.component))
    }

    var summary: String {
        "\(document?.verdict ?? "no document") \(findings.map { "\($0.code)=\($0.verdict)" }) \(standardError)"
    }

    /// Short retries and deadlines: a dead or hanging device costs seconds, not minutes.
    static func run(_ device: String, inventory: URL, extra: [String] = []) async throws -> DiagnoseCommandRun {
        // The record goes beside the fleet's inventory, never into the user's own store.
        let database = inventory.deletingLastPathComponent().appendingPathComponent("triage.sqlite").path
        let arguments = ["diagnose", device, "--inventory", inventory.path, "--no-act", "--json", "--db", database,
                         "--connect-attempts", "2", "--retry-spacing", "0.2", "--deadline", "30"] + extra
        let result = try await ShellRun.run(TriageExecutable.path, arguments, environment: ProcessInfo.processInfo.environment)
        let document = try? JSONDecoder().decode(Document.self, from: Data(result.standardOutput))
        return DiagnoseCommandRun(exitCode: result.exitCode, document: document, standardError: result.standardError)
    }
}
