import Foundation
import Testing
import TriageCore
import TriageTestSupport

/// An unknown device id is answered with the ids it was probably meant to be, and what to do.
@Suite("Near matches for device ids")
struct NearMatchTests {
    static let ids = ["cpe-0012", "cpe-0013", "cpe-0120", "CPE-9000", "lab-router", "cpe-0012-backup"]

    @Test("typos, case and prefixes find the id; nothing far away is offered", arguments: [
        ("cpe-00l2", ["cpe-0012"]),
        ("CPE-0012", ["cpe-0012"]),
        ("cpe-0012-b", ["cpe-0012-backup"]),
        ("cpe-0021", ["cpe-0012"]),
        ("lab-ruoter", ["lab-router"]),
        ("zzz-9999", []),
    ])
    func suggestions(typed: String, expected: [String]) {
        let found = NearMatches.among(Self.ids, for: typed)
        #expect(Array(found.prefix(expected.count)) == expected, "\(typed): \(found)")
        if expected.isEmpty { #expect(found.isEmpty) }
    }

    @Test("triage diagnose with a mistyped id names the near ids and exits 2 without touching a device")
    func diagnoseSuggests() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-near")
        defer { directory.remove() }
        let inventory = directory.url.appendingPathComponent("inventory.yaml")
        let devices = Self.ids.map { "  - {id: \($0), host: 192.0.2.1}" }.joined(separator: "\n")
        try Data("version: 1\ndefaults: {credentials: [{agent: true}]}\ndevices:\n\(devices)\n".utf8).write(to: inventory)
        let run = try await CommandRunner.run(TriageExecutable.path, [
            "diagnose", "cpe-00l2", "--inventory", inventory.path, "--db", directory.url.appendingPathComponent("t.sqlite").path],
            checked: false)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no device with id 'cpe-00l2'") && run.stderr.contains("Did you mean: cpe-0012?"), "\(run.stderr)")
        let far = try await CommandRunner.run(TriageExecutable.path, ["inventory", "show", "qqq", "--inventory", inventory.path], checked: false)
        #expect(far.status == 2)
        #expect(far.stderr.contains("Check the id on the ticket"), "what to do when nothing is near: \(far.stderr)")
    }
}

extension NearMatchTests {
    @Test("triage history with a mistyped id names the near devices the store knows")
    func historySuggests() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-near")
        defer { directory.remove() }
        let database = directory.url.appendingPathComponent("t.sqlite").path
        let diagnosis = SampleDiagnoses.make(.healthy, device: "cpe-0042")
        let file = directory.url.appendingPathComponent("d.json")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(diagnosis).write(to: file)
        try await CommandRunner.run(TriageExecutable.path, ["store", "record", file.path, "--db", database, "--no-act"])
        let run = try await CommandRunner.run(TriageExecutable.path, ["history", "cpe-0024", "--db", database], checked: false)
        #expect(run.status == 0)
        #expect(run.stdout.contains("no diagnoses of cpe-0024. Did you mean: cpe-0042?"), "\(run.stdout)\(run.stderr)")
    }
}
