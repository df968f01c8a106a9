/// Which configuration names hold secrets, across OpenWrt uci, ubus JSON, hostapd and
/// wpa_supplicant.
enum SecretNames {
    /// Exact names: Wi-Fi keys (`key`, WEP `key1`…`key4`), PSKs, WireGuard keys.
    static let exact: Set<String> = [
        "key", "key1", "key2", "key3", "key4", "psk", "wpa_psk", "wpa_key", "wpa_passphrase",
        "private_key", "preshared_key", "priv_key_pwd", "priv_key2_pwd", "private_key_passwd", "pincode", "pin",
    ]
    /// Any name containing one of these: `password`, `sae_password`, `auth_secret`,
    /// `acct_server_shared_secret`, `passphrase`, `passwd`.
    static let fragments = ["password", "passwd", "secret", "passphrase"]

    static func isSecret(_ name: some StringProtocol) -> Bool {
        // Every exact name holds `key`, `psk` or `pin`; an ASCII name with none of those and no
        // fragment is no secret, told without lowercasing a copy (every JSON member name of a
        // ubus answer comes here: 1.2% of a sweep's CPU).
        if ByteSearch.containsAnyIgnoringASCIICase(String(name), signs) == false { return false }
        let lowered = name.lowercased()
        return exact.contains(lowered) || fragments.contains { lowered.contains($0) }
    }

    /// What `mayAppear` looks for, as lower-case bytes.
    private static let signs = (["key", "psk", "pin", "\\u"] + fragments).map { Array($0.utf8) }

    /// False when no secret name can be in `text`: most sections are skipped without scanning.
    /// A JSON escape (`"k\u0065y"`) may spell any name, so text with one is always scanned.
    static func mayAppear(in text: String) -> Bool {
        // Bytes for ASCII text (nearly every section): lowercasing and String.contains cost more
        // than the rest of a probe's parse.
        if let found = ByteSearch.containsAnyIgnoringASCIICase(text, signs) { return found }
        let lowered = text.lowercased()
        return lowered.contains("key") || lowered.contains("psk") || lowered.contains("pin")
            || fragments.contains { lowered.contains($0) } || lowered.contains("\\u")
    }
}
