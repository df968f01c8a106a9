import Foundation
import Testing
import TriageTestSupport

/// The HTML report of real diagnoses, opened in a real headless browser (Debian's chromium).
@Suite("HTML report in a browser", .serialized)
struct ReportBrowserTests {
    @Test("the textbook case: renders without console errors, draws each LED as reported, marks the misleading WLAN LED")
    func textbook() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-report")
        defer { directory.remove() }
        let report = directory.url.appendingPathComponent("textbook.html")
        let database = directory.url.appendingPathComponent("triage.sqlite").path
        let run = try await SimulatorProcess.withSimulator([ReportScenarios.builtIn("led-all-lit-wlan-down").path], in: directory.url) { fleet in
            try await CommandRunner.run(TriageExecutable.path, [
                "diagnose", "led-all-lit-wlan-down", "--inventory", fleet.inventory.path, "--db", database, "--no-act",
                "--deadline", "60", "--report", report.path, "--requested-by", "alice"], checked: false)
        }.result
        #expect(run.status == 30, "\(run.stdout)\(run.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: report.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the report holds evidence: owner only")

        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("src=\"http"), "no script, no external asset")
        let browser = HeadlessChromium(profile: directory.url.appendingPathComponent("profile"))
        let page = try await browser.load(report)
        #expect(page.console.isEmpty, "console: \(page.console)")
        #expect(page.dom.contains(#"<p class="verdict" id="verdict">ESCALATE</p>"#))
        #expect(page.dom.contains("Radio radio0, radio1 is enabled but down"))
        #expect(page.dom.contains("<td>alice</td>") && page.dom.contains("<td>SIM-0009</td>") && page.dom.contains("<td>Xiaomi AX6000</td>"))
        // The four LEDs of the scenario, all lit, the WLAN one the radios contradict marked as misleading.
        for (led, agreement) in [("blue:internet", "agrees"), ("blue:wlan-2g", "misleading"), ("blue:wlan-5g", "agrees"),
                                 ("white:power", "agrees")] {
            #expect(page.dom.contains(#"data-led="\#(led)" data-shows="lit" data-agreement="\#(agreement)""#), "\(led)")
        }
        #expect(page.dom.components(separatedBy: "class=\"led led-blue led-on").count - 1 == 3)
        #expect(page.dom.contains("class=\"led led-white led-on agreement-agrees\""))

        let screenshot = ReportScenarios.checkout.appendingPathComponent(".build/report-screenshots/led-all-lit-wlan-down.png")
        try await browser.screenshot(report, to: screenshot)
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
    }

    @Test("nothing from the device is markup: <script>, quotes and onerror in a radio, an LED and the model show as text")
    func hostile() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-report")
        defer { directory.remove() }
        let scenario = try ReportScenarios.hostileLEDs(in: directory.url)
        let report = directory.url.appendingPathComponent("hostile.html")
        let database = directory.url.appendingPathComponent("triage.sqlite").path
        let (run, shown) = try await SimulatorProcess.withSimulator([scenario.path], in: directory.url) { fleet in
            let run = try await CommandRunner.run(TriageExecutable.path, [
                "diagnose", "hostile-leds", "--inventory", fleet.inventory.path, "--db", database, "--no-act", "--deadline", "60"],
                checked: false)
            let id = try #require(run.stdout.firstMatch(of: /recorded as diagnosis ([0-9a-f-]{36})/)?.1)
            // The stored diagnosis makes the same report through `triage show`.
            let shown = try await CommandRunner.run(TriageExecutable.path, ["show", String(id), "--db", database, "--report", report.path],
                                                    checked: false)
            return (run, shown)
        }.result
        #expect(run.status == 30, "\(run.stdout)\(run.stderr)")
        #expect(shown.status == 0, "\(shown.stdout)\(shown.stderr)")

        let page = try await HeadlessChromium(profile: directory.url.appendingPathComponent("profile")).load(report)
        #expect(page.console.isEmpty, "a script or handler from the device would show here as a CSP refusal: \(page.console)")
        let dom = page.dom.lowercased()
        #expect(dom.components(separatedBy: "<script").count == 1, "no script element")
        #expect(!dom.contains("<img"), "no image element")
        #expect(page.dom.contains(#"radio0&lt;script&gt;alert("radio")&lt;/script&gt;"#), "the radio's name, as text")
        #expect(page.dom.contains(#"Evil &lt;script&gt;alert('model')&lt;/script&gt; "Router""#), "the model, as text")
        #expect(page.dom.contains(#"blue:internet&lt;img src=x onerror=alert(1)&gt;'""#), "the LED's name, as text")
        #expect(page.dom.contains(#"data-led="blue:internet&lt;img src=x onerror=alert(1)&gt;'&quot;""#),
                "the LED's name in an attribute stays inside its quotes")
    }
}
