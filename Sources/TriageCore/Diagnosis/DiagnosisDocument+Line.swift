extension DiagnosisDocument {
    /// The document as one line of compact JSON ending in a newline: the JSON that `JSONEncoder`
    /// with `[.sortedKeys, .withoutEscapingSlashes]` writes (`triage sweep --json-lines`), built
    /// without it. Every device of a sweep writes one: `JSONEncoder` walking the facts through
    /// `Codable` again cost a tenth of a sweep's CPU, and `JSONValueEncoder` walking the rest of
    /// the document 2% (Docs/benchmarks.md), so the value is put together here by hand, keys
    /// in sorted order, and `JSONTextWriterTests` holds it to `JSONEncoder`'s bytes.
    public func jsonLine() throws -> [UInt8] {
        var line = JSONTextWriter.bytes(lineValue)
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// The document as a `JSONValue`, members in sorted key order; optional members that are
    /// nil are left out, as `Codable` leaves them out.
    var lineValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("actions", .array(actions.map(JSONValue.string))),
            ("device", Self.value(device)),
            ("duration_ms", .number(Double(durationMs))),
            ("exit_status", .number(Double(exitStatus))),
            ("facts", facts),
            ("findings", .array(findings.map(Self.value))),
            ("format", .string(format)),
            ("id", .string(id)),
        ]
        if let originTicket { members.append(("origin_ticket", .string(originTicket))) }
        members += [
            ("probe_sha256", .object(JSONObject(entries: probeSha256.sorted { $0.key < $1.key }
                .map { (key: $0.key, value: JSONValue.string($0.value)) }))),
            ("remedies", .array(remedies.map(JSONValue.string))),
            ("requested_by", .string(requestedBy)),
            ("rules_fired", .array(rulesFired.map(JSONValue.string))),
            ("sections", .array(sections.map(Self.value))),
            ("started_at", .string(startedAt)),
            ("triage_version", .string(triageVersion)),
            ("verdict", .string(verdict)),
            ("version", .number(Double(version))),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ]
        return .object(JSONObject(entries: members))
    }

    private static func value(_ device: DeviceSummary) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let customer = device.customer { members.append(("customer", .string(customer))) }
        if let firmware = device.firmware { members.append(("firmware", .string(firmware))) }
        members += [("host", .string(device.host)), ("id", .string(device.id))]
        if let model = device.model { members.append(("model", .string(model))) }
        if let serial = device.serial { members.append(("serial", .string(serial))) }
        return .object(JSONObject(entries: members))
    }

    private static func value(_ finding: FindingEntry) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("code", .string(finding.code)),
            ("component", .string(finding.component)),
            ("evidence", .array(finding.evidence.map { evidence in
                .object(JSONObject(entries: [("lines", .array(evidence.lines.map(JSONValue.string))),
                                             ("section", .string(evidence.section))]))
            })),
            ("message", .string(finding.message)),
        ]
        if let reference = finding.reference { members.append(("reference", .string(reference))) }
        if let remedy = finding.remedy { members.append(("remedy", .string(remedy))) }
        members += [
            ("rule", .string(finding.rule)),
            ("security", .bool(finding.security)),
            ("severity", .string(finding.severity)),
            ("verdict", .string(finding.verdict)),
        ]
        return .object(JSONObject(entries: members))
    }

    private static func value(_ section: SectionEntry) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("absent", .bool(section.absent))]
        if let durationMs = section.durationMs { members.append(("duration_ms", .number(Double(durationMs)))) }
        if let exitCode = section.exitCode { members.append(("exit_code", .number(Double(exitCode)))) }
        members += [
            ("kind", .string(section.kind.rawValue)),
            ("output", .string(section.output)),
            ("stderr", .string(section.stderr)),
            ("subject", .string(section.subject)),
            ("truncated", .bool(section.truncated)),
        ]
        return .object(JSONObject(entries: members))
    }
}
