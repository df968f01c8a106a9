import Foundation
import Testing
import TriageTestSupport

/// `scripts/install` into a temporary prefix, then the installed `triage` from another folder.
@Suite("Installed like a tool")
struct InstallTests {
    @Test("scripts/install puts the binary, its data and completions under PREFIX; triage diagnose works from elsewhere")
    func installAndDiagnose() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-install")
        defer { directory.remove() }
        let prefix = directory.url.appendingPathComponent("prefix")
        let script = ReportScenarios.checkout.appendingPathComponent("scripts/install").path
        // The built binary is installed as it is (a release build is scripts/install's own job, minutes long);
        // the man page needs a build of its generator, which a test run must not start.
        let install = try await CommandRunner.run("bash", [script, "--binary", TriageExecutable.path, "--no-manual", prefix.path],
                                                  checked: false)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let share = prefix.appendingPathComponent("share/triage")
        for folder in ["Probes", "Rules", "Scenarios", "Templates"] {
            let listing = try FileManager.default.contentsOfDirectory(atPath: share.appendingPathComponent(folder).path)
            #expect(!listing.isEmpty, "\(folder) installed")
        }
        // The installed templates are the ones used: mark them.
        let template = share.appendingPathComponent("Templates/report.mustache")
        let marked = try String(contentsOf: template, encoding: .utf8).replacingOccurrences(of: "Made by Triage.", with: "Made by the installed Triage.")
        try marked.write(to: template, atomically: true, encoding: .utf8)

        let bash = prefix.appendingPathComponent("share/bash-completion/completions/triage").path
        let completion = try await CommandRunner.run("bash", ["-c", "source '\(bash)'; complete -p triage"], checked: false)
        #expect(completion.status == 0 && completion.stdout.contains("triage"), "\(completion.stdout)\(completion.stderr)")
        for file in ["share/zsh/site-functions/_triage", "share/fish/vendor_completions.d/triage.fish"] {
            let text = try String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("diagnose") && text.contains("inventory"), "\(file)")
        }

        let elsewhere = directory.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let triage = prefix.appendingPathComponent("bin/triage").path
        let report = elsewhere.appendingPathComponent("report.html").path
        let run = try await SimulatorProcess.withSimulator([ReportScenarios.builtIn("wlan-radio-disabled").path], in: directory.url) { fleet in
            try await CommandRunner.run("env", [
                "-u", "TRIAGE_RESOURCES", "-C", elsewhere.path, triage, "diagnose", "wlan-radio-disabled",
                "--inventory", fleet.inventory.path, "--db", "triage.sqlite", "--no-act", "--deadline", "60", "--report", "report.html",
            ], checked: false)
        }.result
        #expect(run.status == 10, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("REMEDIABLE: "))
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("Made by the installed Triage."))
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("triage.sqlite").path))
    }
}
