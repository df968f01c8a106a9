import TriageCore
import TriageSimulator

/// The accuracy report of `triage rules test --matrix`: expected against found verdict per
/// scenario, the confusion matrix (expected rows × found columns), and the two mistakes that
/// cost most: a faulty router called healthy, and a replacement for what is not broken hardware.
struct AccuracyMatrix {
    var checks: [ScenarioCheck]

    var falseHealthy: [ScenarioCheck] { checks.filter { $0.found == .healthy && $0.expected != .healthy } }
    var falseReplace: [ScenarioCheck] { checks.filter { $0.found == .replace && $0.expected != .replace } }

    func count(expected: Verdict, found: Verdict) -> Int {
        checks.filter { $0.expected == expected && $0.found == found }.count
    }

    /// One line per scenario: id, expected, found, and what differs.
    var perScenario: String {
        let width = max(checks.map(\.scenario.id.count).max() ?? 0, "scenario".count)
        var lines = [pad("scenario", width) + "  " + pad("expected", 10) + "  " + pad("found", 10) + "  result"]
        for check in checks {
            let mismatches = check.mismatches
            let result = mismatches.isEmpty ? "ok" : "MISMATCH: " + mismatches.joined(separator: "; ")
            lines.append(pad(check.scenario.id, width) + "  " + pad(check.expected.rawValue, 10) + "  "
                         + pad(check.found.rawValue, 10) + "  " + result)
        }
        return lines.joined(separator: "\n")
    }

    /// Rows: the expected verdict; columns: the verdict found.
    var confusion: String {
        let verdicts = Verdict.allCases
        var lines = [pad("expected \\ found", 16) + verdicts.map { "  " + pad($0.rawValue, 10) }.joined()]
        for expected in verdicts {
            lines.append(pad(expected.rawValue, 16) + verdicts.map { found in
                "  " + pad(String(count(expected: expected, found: found)), 10)
            }.joined())
        }
        return lines.joined(separator: "\n")
    }

    var summary: String {
        let wrong = checks.filter { !$0.mismatches.isEmpty }.count
        func named(_ list: [ScenarioCheck]) -> String {
            list.isEmpty ? "0" : "\(list.count) (\(list.map(\.scenario.id).joined(separator: ", ")))"
        }
        return """
            false-healthy: \(named(falseHealthy))
            false-replace: \(named(falseReplace))
            \(checks.count - wrong) of \(checks.count) scenarios as expected
            """
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
