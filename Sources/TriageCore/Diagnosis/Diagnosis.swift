public import Foundation
/// The record of one diagnosis: who asked, what ran, what it showed, what was decided.
/// Stored by TriageStore, printed by `triage diagnose`, acted on by TriageActions.
public struct Diagnosis: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var device: DeviceSummary
    /// Who or what asked: a technician's name, or `ticket:<id>` for an escalation.
    public var requestedBy: String
    /// The escalated ticket that started it, if any (the originating ticket gets the note).
    public var originTicket: String?
    public var startedAt: Date
    public var durationMilliseconds: Int
    public var verdict: Verdict
    public var findings: [Finding]
    /// Ids of every rule that fired.
    public var rulesFired: [String]
    /// Probe name → SHA-256 of the exact script sent to the device.
    public var probeSHA256: [String: String]
    /// The redacted raw sections the facts came from: the evidence kept with the diagnosis.
    public var sections: [ProbeSection]
    /// What could not be read or run (parse warnings, reading problems, missing probes).
    public var warnings: [String]
    public var triageVersion: String

    public init(id: UUID = UUID(), device: DeviceSummary, requestedBy: String, originTicket: String? = nil,
                startedAt: Date, durationMilliseconds: Int, verdict: Verdict, findings: [Finding],
                rulesFired: [String], probeSHA256: [String: String], sections: [ProbeSection],
                warnings: [String], triageVersion: String = TriageVersion.current) {
        self.id = id
        self.device = device
        self.requestedBy = requestedBy
        self.originTicket = originTicket
        self.startedAt = startedAt
        self.durationMilliseconds = durationMilliseconds
        self.verdict = verdict
        self.findings = findings
        self.rulesFired = rulesFired
        self.probeSHA256 = probeSHA256
        self.sections = sections
        self.warnings = warnings
        self.triageVersion = triageVersion
    }

    /// The remedies of the findings that call for the verdict, in order, without repeats.
    public var remedies: [String] {
        var seen: Set<String> = []
        return findings.compactMap(\.remedy).filter { seen.insert($0).inserted }
    }
}

/// The device as orders and tickets need it.
public struct DeviceSummary: Sendable, Hashable, Codable {
    public var id: String
    public var host: String
    public var model: String?
    public var firmware: String?
    public var serial: String?
    public var customer: String?

    public init(id: String, host: String, model: String? = nil, firmware: String? = nil, serial: String? = nil, customer: String? = nil) {
        self.id = id
        self.host = host
        self.model = model
        self.firmware = firmware
        self.serial = serial
        self.customer = customer
    }

    public init(_ device: ProbedDevice) {
        self.init(id: device.id, host: device.host, model: device.model, firmware: device.firmware,
                  serial: device.serial, customer: device.customer)
    }
}
