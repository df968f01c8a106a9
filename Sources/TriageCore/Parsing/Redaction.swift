/// The controller-side redaction pass: masks secret-looking values that reached the controller.
///
/// The probes redact on the device already; this second pass is the safety net for a probe that
/// missed one, a vendor tool that prints more than expected, or an old probe version. It runs on
/// every section before facts or evidence are kept, so no secret is ever stored or attached to
/// a ticket. It masks, in any section's output:
///
/// - JSON members: `"key": "…"`, `"password": "…"`, `"sae_password": "…"`, `"auth_secret": "…"`,
///   names written with escapes (`"k\u0065y"`), and arrays or objects (`"key": [` … `]`, across lines);
/// - `uci show` lines: `wireless.default_radio0.key='…'`, `network.wan.password='…'`;
/// - uci config lines: `option key '…'`, `list sae_password '…'`;
/// - `name=value` config lines (hostapd, wpa_supplicant): `wpa_passphrase=…`, `psk="…"`;
/// - `name=value` in the middle of a line (logs): `… wpa_passphrase=…`, `key='…'`, `password="…"`.
///
/// Empty values stay empty: "no key set" is a diagnostic fact and no secret.
///
/// The cost is linear in the text (two passes over its bytes, no regular expressions): device
/// output is hostile input, and a 4 MB line once cost 651 MB in a backtracking pattern.
public enum Redaction {
    public static let mask = "<redacted>"

    public static func redact(_ section: ProbeSection) -> ProbeSection {
        var redacted = section
        redacted.output = redact(text: section.output)
        redacted.errorOutput = redact(text: section.errorOutput)
        return redacted
    }

    public static func redact(_ sections: [ProbeSection]) -> [ProbeSection] {
        sections.map(redact)
    }

    public static func redact(text: String) -> String {
        // Cheap exit for the many sections (counters, LED files) that cannot hold a secret.
        guard SecretNames.mayAppear(in: text) else { return text }
        let masked = AssignmentMasker.mask(JSONMemberMasker.mask(Array(text.utf8)))
        return String(decoding: masked, as: UTF8.self)
    }
}
