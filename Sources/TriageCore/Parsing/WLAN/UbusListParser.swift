/// Parses `ubus list`: one object path per line (`network.wireless`, `hostapd.wlan0`, `dsl`).
public enum UbusListParser {
    public static let subject = "ubus list"

    /// ubus paths are dotted names of letters, digits, `-`, `_` (and `@` in some vendor objects).
    public static func parse(_ text: String, subject: String = subject) -> ParseResult<[String]> {
        NameListParser.parse(text, subject: subject, extraCharacters: "._-@", noun: "ubus object name")
    }
}
