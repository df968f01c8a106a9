import Foundation

/// The controller-side redaction pass: masks secret-looking values that reached the controller.
///
/// The probes redact on the device already; this second pass is the safety net for a probe that
/// missed one, a vendor tool that prints more than expected, or an old probe version. It runs on
/// every section before facts or evidence are kept, so no secret is ever stored or attached to
/// a ticket. It masks, in any section's output:
///
/// - JSON members: `"key": "…"`, `"password": "…"`, `"sae_password": "…"`, `"auth_secret": "…"`;
/// - `uci show` lines: `wireless.default_radio0.key='…'`, `network.wan.password='…'`;
/// - uci config lines: `option key '…'`, `list sae_password '…'`;
/// - `name=value` config lines (hostapd, wpa_supplicant): `wpa_passphrase=…`, `psk="…"`.
///
/// Empty values stay empty: "no key set" is a diagnostic fact and no secret.
public enum Redaction {
    public static let mask = "<redacted>"

    public static func redact(_ section: ProbeSection) -> ProbeSection {
        var redacted = section
        redacted.output = redact(text: section.output)
        return redacted
    }

    public static func redact(_ sections: [ProbeSection]) -> [ProbeSection] {
        sections.map(redact)
    }

    public static func redact(text: String) -> String {
        // Cheap exit for the many sections (counters, LED files) that cannot hold a secret.
        guard SecretNames.mayAppear(in: text) else { return text }
        // A JSON string value, or a bare token: a number, or the start of a string the device cut off.
        var result = text.replacing(/"(?<name>[A-Za-z0-9_.-]+)"\s*:\s*(?<value>"(?:[^"\\]|\\.)*"?|[^,{}\[\]\s"][^,}\]\s]*)/) { match in
            SecretNames.isSecret(match.name) && !isEmptyValue(match.value) ? "\"\(match.name)\": \"\(mask)\"" : String(match.0)
        }
        let uciShow = /^(?<path>[^=\s]+\.(?<name>[A-Za-z0-9_]+))=(?<value>.+)$/.anchorsMatchLineEndings()
        result = result.replacing(uciShow) { match in
            SecretNames.isSecret(match.name) && !isEmptyValue(match.value)
                ? "\(match.path)='\(mask)'" : String(match.0)
        }
        let uciConfig = /^(?<lead>[ \t]*(?:option|list)[ \t]+(?<name>[A-Za-z0-9_]+)[ \t]+)(?<value>\S.*)$/
            .anchorsMatchLineEndings()
        result = result.replacing(uciConfig) { match in
            SecretNames.isSecret(match.name) && !isEmptyValue(match.value)
                ? "\(match.lead)'\(mask)'" : String(match.0)
        }
        let assignment = /^(?<lead>[ \t]*(?<name>[A-Za-z0-9_]+)[ \t]*=[ \t]*)(?<value>.+)$/.anchorsMatchLineEndings()
        result = result.replacing(assignment) { match in
            SecretNames.isSecret(match.name) && !isEmptyValue(match.value)
                ? "\(match.lead)\(mask)" : String(match.0)
        }
        return result
    }

    /// Empty, or already masked (by the probes on the device, `***`, or by an earlier pass):
    /// left as it is, so the device's own marker shows that it did its part.
    private static func isEmptyValue(_ value: Substring) -> Bool {
        let trimmed = value.trimmingBlanks()
        let unquoted = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        return unquoted.isEmpty || unquoted == "***" || unquoted == mask
    }
}
