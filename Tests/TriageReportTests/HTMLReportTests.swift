import Foundation
import Testing
import TriageCore
import TriageReport
import TriageTestSupport

@Suite("HTML report file")
struct HTMLReportTests {
    @Test("a report is owner-only even where a readable file was, and a symbolic link in its place is refused")
    func fileMode() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-report-file")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("r.html").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        try await HTMLReport(SampleDiagnoses.make(.replace), actions: ["order 7 opened"]).write(to: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("order 7 opened") && html.contains("No radio: the Wi-Fi hardware did not come up"))
        #expect(html.contains(#"id="no-leds""#), "no LED sections: said, not drawn")

        let link = directory.url.appendingPathComponent("link.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        await #expect(throws: ReportError.self) {
            try await HTMLReport(SampleDiagnoses.make(.healthy), actions: []).write(to: link)
        }
    }

    @Test("templates that are missing are an error that says what to do")
    func missingTemplates() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-report-file")
        defer { directory.remove() }
        let error = await #expect(throws: ReportError.self) {
            try await HTMLReport(SampleDiagnoses.make(.healthy), actions: []).render(templates: directory.url)
        }
        #expect(error?.description.contains("Reinstall Triage") == true, "\(String(describing: error))")
    }
}
