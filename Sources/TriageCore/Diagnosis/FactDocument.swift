/// The facts as the rules' conditions read them: one JSON document, made by encoding the typed
/// facts, so that every fact is addressable by its path (`wlan.radios[*].disabled`) without an
/// accessor written per fact. The shape is documented in Docs/knowledge-base.md.
public enum FactDocument {
    /// `wlan`, `link`, `led`, `system` from the parsers; `transport`, `probes`, `line` from the run.
    static func make(facts: DeviceFacts, run: RunFacts) -> JSONValue {
        var entries: [(key: String, value: JSONValue)] = []
        for (key, value) in [("wlan", encode(facts.wlan)), ("link", encode(facts.link)), ("led", encode(facts.led)),
                             ("system", encode(facts.system)), ("transport", encode(run.transport)),
                             ("probes", encode(run.probes)), ("line", encode(run.line))] {
            entries.append((key, value))
        }
        return .object(JSONObject(entries: entries))
    }

    /// The document with `findings` added, for stage 2 rules: each finding's `component`, `code`,
    /// `verdict`, `severity`, `rule` and `security`.
    static func adding(findings: [Finding], to document: JSONValue) -> JSONValue {
        guard case .object(var object) = document else { return document }
        let list = findings.map { finding in
            JSONValue.object(JSONObject(entries: [
                ("component", .string(finding.component.rawValue)), ("code", .string(finding.code)),
                ("verdict", .string(finding.verdict.rawValue)), ("severity", .string(finding.severity.rawValue)),
                ("rule", .string(finding.ruleID)), ("security", .bool(finding.isSecurity)),
            ]))
        }
        object.entries.removeAll { $0.key == "findings" }
        object.entries.append(("findings", .array(list)))
        return .object(object)
    }

    /// Any Encodable fact value as JSON, as `JSONEncoder` (sorted keys) would write it, built
    /// directly (no text in between). Facts are plain structs of strings, numbers, booleans and
    /// lists: encoding them cannot fail, and a failure would show as a missing group (`null`).
    public static func encode<Value: Encodable>(_ value: Value) -> JSONValue {
        (try? JSONValueEncoder.encode(value)) ?? .null
    }
}
