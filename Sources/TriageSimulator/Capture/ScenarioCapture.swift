public import Foundation

/// A case met in the field as a scenario folder the simulator serves: scenario.yaml (marked as
/// captured, `expect` = the verdict Triage found), `commands/` and `root/` from the (masked)
/// probe sections. The folder and its files are the customer's evidence: made 0700 and 0600.
public struct ScenarioCapture: Sendable {
    public var id: String
    public var model: String
    public var firmware: String
    public var expect: ScenarioExpectation
    public var capturedAt: Date
    public var triageVersion: String
    public var layout: CaptureLayout

    public init(id: String, model: String, firmware: String, expect: ScenarioExpectation, capturedAt: Date,
                triageVersion: String, layout: CaptureLayout) {
        self.id = id
        self.model = model
        self.firmware = firmware
        self.expect = expect
        self.capturedAt = capturedAt
        self.triageVersion = triageVersion
        self.layout = layout
    }

    /// The scenario id a folder name gives, if it is one (`ScenarioParser`'s rule).
    public static func id(forFolder folder: URL) -> String? {
        let name = folder.lastPathComponent
        return name.range(of: "^[a-z0-9][a-z0-9-]{0,62}$", options: .regularExpression) != nil ? name : nil
    }

    public var scenarioYAML: String {
        let date = ISO8601DateFormatter().string(from: capturedAt)
        let components = expect.components.map(\.rawValue).joined(separator: ", ")
        return """
            # Captured by triage capture (Triage \(triageVersion)) on \(date). Secrets, MAC addresses, SSIDs,
            # the hostname and public IPv4 addresses are masked consistently; expect is the verdict found then.
            id: \(id)
            title: \(YAMLText.scalar("Captured: \(model), \(expect.verdict.rawValue)"))
            source: \(YAMLText.scalar("captured by triage capture on \(date)"))
            device:
              model: \(YAMLText.scalar(model))
              firmware: \(YAMLText.scalar(firmware))
              serial: CAPTURED
            transport:
              fault: none
              latency_ms: 0
            expect:
              verdict: \(expect.verdict.rawValue)
              components: [\(components)]

            """
    }

    /// Writes the folder, which must not exist yet (its parent must): nothing is written over.
    public func write(to folder: URL) throws(ScenarioError) {
        let writer = PrivateFolderWriter(root: folder)
        try writer.makeRoot()
        try writer.makeFolder("commands")
        try writer.makeFolder("root")
        for path in layout.folders.sorted() { try writer.makeFolder(path) }
        try writer.writeFile(ScenarioLoader.fileName, scenarioYAML)
        for (path, content) in layout.files.sorted(by: { $0.key < $1.key }) { try writer.writeFile(path, content) }
    }
}
