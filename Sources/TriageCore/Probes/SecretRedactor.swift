/// The controller's second line of defence against secrets in probe output: the probes mask
/// them on the device (Probes/redact.sh); whatever slips through is masked here, in the same
/// forms, before a section is stored or shown.
public enum SecretRedactor {
    /// Masks secret values in ubus JSON (`"key": "…"`) and `uci show` lines (`….key='…'`).
    public static func redact(_ text: String) -> String {
        guard mayHoldSecret(text) else { return text }
        let json = text.replacing(jsonMember) { match in "\"\(match.output.name)\": \"***\"" }
        return json.replacing(uciOption.anchorsMatchLineEndings()) { match in "\(match.output.key)='***'" }
    }

    /// Cheap test first: most sections hold none of the names, and regexes cost.
    private static func mayHoldSecret(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["key", "pass", "secret", "psk", "pin"].contains { lowered.contains($0) }
    }

    /// A secret member and its value: a JSON string (escapes allowed), or a bare token
    /// (number, boolean, or the start of a string the device cut off).
    private static var jsonMember: Regex<(Substring, name: Substring)> {
        #/"(?<name>key[1-4]?|password|passwd|sae_password|psk|wpa_psk|passphrase|wpa_passphrase|secret|auth_secret|acct_secret|dae_secret|priv_key_pwd|priv_key2_pwd|private_key_passwd|pincode)"\s*:\s*(?:"(?:[^"\\]|\\.)*"|[^,}\s]+)/#
    }

    private static var uciOption: Regex<(Substring, key: Substring)> {
        #/^(?<key>[A-Za-z0-9_.@\[\]-]*\.(?:key[1-4]?|password|passwd|sae_password|psk|wpa_psk|passphrase|wpa_passphrase|secret|auth_secret|acct_secret|dae_secret|priv_key_pwd|priv_key2_pwd|private_key_passwd|pincode))=.*$/#
    }
}
