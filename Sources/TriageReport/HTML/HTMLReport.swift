public import Foundation
import Mustache
public import TriageCore

/// The self-contained HTML report of one diagnosis: verdict, cause, what to do, components,
/// findings with all their evidence, the device, and a drawing of its LEDs beside what the probes
/// say they should show. One file, inline CSS, no script and no external asset, so that it can be
/// mailed or attached to a ticket and read anywhere. Rendered from `Templates/report.mustache`.
public struct HTMLReport: Sendable {
    public let diagnosis: Diagnosis
    /// What the diagnosis led to (order, ticket or note opened), one line each.
    public let actions: [String]

    public init(_ diagnosis: Diagnosis, actions: [String]) {
        self.diagnosis = diagnosis
        self.actions = actions
    }

    /// The page, rendered from the templates in `templates` (default: the `Templates/` Triage ships).
    public func render(templates: URL? = nil) async throws(ReportError) -> String {
        let folder: URL
        do {
            folder = try templates ?? BundledResources.requireDirectory(named: "Templates")
        } catch {
            throw ReportError("\(error)")
        }
        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: folder.path)
        } catch {
            throw ReportError("the report templates in \(folder.path) could not be read: \(error). Reinstall Triage (scripts/install).")
        }
        let facts = DeviceFacts(sections: diagnosis.sections)
        let page = ReportPage(DiagnosisDigest(diagnosis), actions: actions, leds: LEDReading.all(in: facts))
        guard let html = library.render(page, withTemplate: "report") else {
            throw ReportError("there is no report.mustache in \(folder.path). Reinstall Triage (scripts/install).")
        }
        return html
    }

    /// Renders the report and writes it to `path`, readable by its owner only (it holds evidence).
    public func write(to path: String, templates: URL? = nil) async throws(ReportError) {
        try ReportFile.write(try await render(templates: templates), to: path)
    }
}
