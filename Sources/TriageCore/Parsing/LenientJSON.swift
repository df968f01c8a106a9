/// A JSON reader for device output (ubus, `ip -j`) that never throws.
///
/// Device JSON is not always valid: OpenWrt 19.07 repeats keys, output caps cut objects in the
/// middle, tools print text before or after the value. `parse` keeps everything it could read:
///
/// - duplicate keys stay, in order (`JSONObject.entries`);
/// - truncated input returns the structure read so far, with `isComplete == false`;
/// - text before the first `{`/`[` or after the value is skipped and reported;
/// - trailing commas and missing commas are read through and reported.
///
/// `problems` are human-readable, each starting with "line L, column C: ".
public enum LenientJSON {
    public static func parse(_ text: String) -> (value: JSONValue?, isComplete: Bool, problems: [String]) {
        var reader = LenientJSONReader(text)
        let value = reader.readDocument()
        return (value, reader.isComplete, reader.problems)
    }
}
