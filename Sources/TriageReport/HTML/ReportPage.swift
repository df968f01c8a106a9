import Foundation
import TriageCore

/// What the report template shows, as plain strings, booleans and lists (Mustache reads them by
/// reflection). Every string from the device or the inventory is escaped by the template's `{{ }}`;
/// class names and drawing coordinates come from Triage's own enums and numbers only.
struct ReportPage {
    struct Component { let name, health, healthClass, detail: String }
    struct EvidenceBlock { let section: String; let lines: [String] }
    struct FindingBlock {
        let severity, severityClass, component, code, verdict, message, rule: String
        let remedy, reference: String?
        let evidence: [EvidenceBlock]
    }
    struct DeviceField { let label, value: String }
    struct LEDDot {
        let name, label, colourClass, litClass, shows, trigger, expectation, agreement, agreementClass: String
        let x, labelX: Int
    }

    let title, verdict, verdictClass, meaning, cause, todo: String
    let actions: [String]
    let components: [Component]
    let findings: [FindingBlock]
    let hasFindings: Bool
    let device: [DeviceField]
    let record: [DeviceField]
    let leds: [LEDDot]
    let hasLEDs: Bool
    let drawingWidth: Int
    let warnings: [String]
    let hasWarnings: Bool

    init(_ digest: DiagnosisDigest, actions: [String], leds readings: [LEDReading]) {
        let diagnosis = digest.diagnosis
        title = "Triage: \(diagnosis.device.id) \(diagnosis.verdict.rawValue)"
        verdict = diagnosis.verdict.rawValue.uppercased()
        verdictClass = "verdict-\(diagnosis.verdict.rawValue)"
        meaning = digest.meaning
        cause = digest.cause
        todo = digest.todo
        self.actions = actions
        components = digest.components.map {
            Component(name: $0.name, health: $0.health.rawValue, healthClass: "health-\($0.health == .notSeen ? "not-seen" : $0.health.rawValue)",
                      detail: $0.detail)
        }
        findings = digest.findings.map { finding in
            FindingBlock(
                severity: finding.isSecurity ? "security" : finding.severity.rawValue,
                severityClass: "severity-\(finding.isSecurity ? "critical" : finding.severity.rawValue)",
                component: finding.component.rawValue, code: finding.code, verdict: finding.verdict.rawValue,
                message: finding.message, rule: finding.ruleID, remedy: finding.remedy, reference: finding.reference,
                evidence: finding.evidence.map { EvidenceBlock(section: $0.section, lines: $0.lines) })
        }
        hasFindings = !findings.isEmpty
        let summary = diagnosis.device
        device = [("Device", summary.id), ("Address", summary.host), ("Model", summary.model), ("Firmware", summary.firmware),
                  ("Serial", summary.serial), ("Customer", summary.customer)]
            .map { DeviceField(label: $0.0, value: $0.1 ?? "not in the inventory") }
        record = [("Diagnosed", diagnosis.startedAt.formatted(.iso8601)),
                  ("Took", "\(diagnosis.durationMilliseconds) ms"),
                  ("Requested by", diagnosis.requestedBy),
                  ("Originating ticket", diagnosis.originTicket ?? "none"),
                  ("Diagnosis", diagnosis.id.uuidString.lowercased()),
                  ("Triage", diagnosis.triageVersion)]
            .map { DeviceField(label: $0.0, value: $0.1) }
        leds = readings.enumerated().map { index, led in
            let shows = led.lit.map { $0 ? "lit" : "off" } ?? "unknown"
            return LEDDot(name: led.name, label: led.label, colourClass: "led-\(led.colour.rawValue)",
                          litClass: led.lit == true ? "led-on" : "led-off", shows: shows, trigger: led.trigger ?? "unknown",
                          expectation: led.expectation, agreement: Self.words(led.agreement),
                          agreementClass: "agreement-\(led.agreement.rawValue)",
                          x: Self.firstLED + index * Self.spacing, labelX: Self.firstLED + index * Self.spacing)
        }
        hasLEDs = !leds.isEmpty
        drawingWidth = 2 * Self.firstLED + max(0, leds.count - 1) * Self.spacing
        warnings = diagnosis.warnings
        hasWarnings = !warnings.isEmpty
    }

    private static let firstLED = 60
    private static let spacing = 110

    private static func words(_ agreement: LEDReading.Agreement) -> String {
        switch agreement {
        case .agrees: "agrees"
        case .disagrees: "misleading"
        case .unknown: "not judged"
        }
    }
}
