import Foundation

extension DiagnosisDocument {
    /// A document that is not a diagnosis this Triage can record: which key, and why.
    public struct ReadingError: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// Reads a document as `triage diagnose --json` prints it. `facts` are not read: they are
    /// what the sections say, and a recorded diagnosis keeps its sections, findings and verdict.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        guard format == Self.format, version <= Self.version else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: container, debugDescription:
                "format \(format) version \(version): this Triage reads \(Self.format) up to version \(Self.version)")
        }
        id = try container.decode(String.self, forKey: .id)
        verdict = try container.decode(String.self, forKey: .verdict)
        exitStatus = try container.decode(Int32.self, forKey: .exitStatus)
        device = try container.decode(DeviceSummary.self, forKey: .device)
        requestedBy = try container.decode(String.self, forKey: .requestedBy)
        originTicket = try container.decodeIfPresent(String.self, forKey: .originTicket)
        startedAt = try container.decode(String.self, forKey: .startedAt)
        durationMs = try container.decode(Int.self, forKey: .durationMs)
        findings = try container.decode([FindingEntry].self, forKey: .findings)
        remedies = try container.decodeIfPresent([String].self, forKey: .remedies) ?? []
        rulesFired = try container.decodeIfPresent([String].self, forKey: .rulesFired) ?? findings.map(\.rule)
        probeSha256 = try container.decodeIfPresent([String: String].self, forKey: .probeSha256) ?? [:]
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
        actions = try container.decodeIfPresent([String].self, forKey: .actions) ?? []
        triageVersion = try container.decode(String.self, forKey: .triageVersion)
        // Documents printed before sections were added hold none: the diagnosis is recorded without raw evidence.
        sections = try container.decodeIfPresent([SectionEntry].self, forKey: .sections) ?? []
        facts = .null
    }

    /// The diagnosis the document describes.
    public func diagnosis() throws(ReadingError) -> Diagnosis {
        guard let uuid = UUID(uuidString: id) else { throw ReadingError(description: "id '\(id)' is not a UUID") }
        guard let date = Self.date(startedAt) else {
            throw ReadingError(description: "started_at '\(startedAt)' is not an ISO 8601 date")
        }
        return Diagnosis(
            id: uuid, device: device, requestedBy: requestedBy, originTicket: originTicket, startedAt: date,
            durationMilliseconds: durationMs, verdict: try Self.value(verdict, key: "verdict"),
            findings: try findings.map(Self.finding), rulesFired: rulesFired, probeSHA256: probeSha256,
            sections: sections.map(\.section), warnings: warnings, triageVersion: triageVersion)
    }

    private static func finding(_ entry: FindingEntry) throws(ReadingError) -> Finding {
        Finding(component: try value(entry.component, key: "findings.component"), code: entry.code,
                severity: try value(entry.severity, key: "findings.severity"), message: entry.message,
                verdict: try value(entry.verdict, key: "findings.verdict"), isSecurity: entry.security,
                remedy: entry.remedy, reference: entry.reference, evidence: entry.evidence, ruleID: entry.rule)
    }

    private static func value<Value: RawRepresentable & CaseIterable>(_ text: String, key: String) throws(ReadingError) -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReadingError(description: "\(key) '\(text)' is not one of \(known)")
        }
        return value
    }

    private static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) ?? (try? Date(text, strategy: .iso8601))
    }
}
