import Foundation
import Yams

/// Turns the text of a scenario.yaml into a `Scenario`, with exactly the design's keys.
enum ScenarioParser {
    static func parse(_ text: String, file: URL, folder: URL) throws(ScenarioError) -> Scenario {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ScenarioError(file: file, problem: "is not valid YAML: \(error)")
        }
        guard let node else { throw ScenarioError(file: file, problem: "is empty") }
        let top = try StrictMapping(
            node, allowedKeys: ["id", "title", "source", "device", "transport", "expect"], file: file)
        let id = try top.string("id")
        guard id.range(of: "^[a-z0-9][a-z0-9-]{0,62}$", options: .regularExpression) != nil else {
            throw top.problem("id", "must be lower-case letters, digits and dashes (it becomes a device id and a file name)")
        }
        let device = try top.mapping("device", allowedKeys: ["model", "firmware", "serial"])
        let transport = try top.optionalMapping("transport", allowedKeys: ["fault", "latency_ms"])
        let expect = try top.mapping("expect", allowedKeys: ["verdict", "components"])
        return Scenario(
            id: id,
            title: try top.string("title"),
            source: try top.optionalString("source"),
            device: DeviceIdentity(
                model: try device.string("model"),
                firmware: try device.string("firmware"),
                serial: try device.string("serial")),
            transport: try transport.map(parseTransport) ?? TransportSettings(),
            expect: try parseExpectation(expect),
            folder: folder)
    }

    private static func parseTransport(_ mapping: StrictMapping) throws(ScenarioError) -> TransportSettings {
        let faultName = try mapping.optionalString("fault") ?? TransportFault.none.rawValue
        guard let fault = TransportFault(rawValue: faultName) else {
            let known = TransportFault.allCases.map(\.rawValue).joined(separator: ", ")
            throw mapping.problem("fault", "is '\(faultName)', which is not a fault; known: \(known)")
        }
        let latency = try mapping.integer("latency_ms", default: 0)
        guard (0...60_000).contains(latency) else {
            throw mapping.problem("latency_ms", "must be between 0 and 60000")
        }
        return TransportSettings(fault: fault, latencyMilliseconds: latency)
    }

    private static func parseExpectation(_ mapping: StrictMapping) throws(ScenarioError) -> ScenarioExpectation {
        let verdictName = try mapping.string("verdict")
        guard let verdict = ScenarioExpectation.Verdict(rawValue: verdictName) else {
            let known = ScenarioExpectation.Verdict.allCases.map(\.rawValue).joined(separator: ", ")
            throw mapping.problem("verdict", "is '\(verdictName)'; known: \(known)")
        }
        var components: [ScenarioExpectation.Component] = []
        for name in try mapping.stringList("components") {
            guard let component = ScenarioExpectation.Component(rawValue: name) else {
                let known = ScenarioExpectation.Component.allCases.map(\.rawValue).joined(separator: ", ")
                throw mapping.problem("components", "lists '\(name)'; known: \(known)")
            }
            components.append(component)
        }
        return ScenarioExpectation(verdict: verdict, components: components)
    }
}
