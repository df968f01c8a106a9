import Foundation
import TriageTestSupport

/// One `triage diagnose --json` of a device, reduced to what a capture must keep: the verdict,
/// the rules fired, and the device's facts with masked identifiers renamed by first appearance
/// (MACs, IPv4 addresses, SSIDs, hostname), so an original and its capture compare equal exactly
/// when the capture kept every fact and masked each identifier consistently.
struct CapturedDiagnosis: Sendable, Equatable {
    var verdict: String
    var rulesFired: [String]
    var facts: String

    struct NoDocument: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ device: String, inventory: URL) async throws -> CapturedDiagnosis {
        let database = inventory.deletingLastPathComponent().appendingPathComponent("triage.sqlite").path
        let result = try await ShellRun.run(TriageExecutable.path, [
            "diagnose", device, "--inventory", inventory.path, "--no-act", "--json", "--db", database,
            "--connect-attempts", "2", "--retry-spacing", "0.2", "--deadline", "60",
        ], environment: ProcessInfo.processInfo.environment)
        guard let document = try? JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any],
              let verdict = document["verdict"] as? String, let fired = document["rules_fired"] as? [String],
              let facts = document["facts"] as? [String: Any]
        else { throw NoDocument(description: "no diagnosis document for \(device): \(result.standardError)") }
        let deviceFacts = facts.filter { ["wlan", "link", "led", "system"].contains($0.key) }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: deviceFacts, options: [.sortedKeys]), as: UTF8.self)
        return CapturedDiagnosis(verdict: verdict, rulesFired: fired, facts: try canonical(text))
    }

    static func canonical(_ text: String) throws -> String {
        var text = text
        for (pattern, group) in [("(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}", 0), ("(?:[0-9]{1,3}\\.){3}[0-9]{1,3}", 0),
                                 ("\"(?:ssid|hostname)\":\"([^\"]*)\"", 1)] {
            let regex = try NSRegularExpression(pattern: pattern)
            var names: [String: String] = [:]
            var result = ""
            var position = text.startIndex
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: group), in: text) else { continue }
                let key = text[range].lowercased().replacingOccurrences(of: "-", with: ":")
                if names[key] == nil { names[key] = "<\(group)-\(names.count + 1)>" }
                result += text[position..<range.lowerBound] + (names[key] ?? "")
                position = range.upperBound
            }
            text = result + text[position...]
        }
        return text
    }
}
