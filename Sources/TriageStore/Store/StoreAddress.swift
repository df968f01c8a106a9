import Foundation

/// Which store to use: an SQLite file, or a PostgreSQL database. What `--db` and the config's
/// `store:` entry name, read before anything is opened.
public enum StoreAddress: Sendable, Hashable {
    case file(String)
    case postgres(PostgresSettings)

    /// `--db`'s value: `postgres://` or `postgresql://` names a server, anything else a file.
    /// A server's password comes from `password` (the config's `store.password_file` or
    /// `store.password_env`), never from the text itself.
    public static func parse(_ text: String, password: PostgresSettings.PasswordSource) throws(StoreAddressError) -> StoreAddress {
        guard let scheme = urlScheme(of: text) else { return .file(text) }
        guard PostgresSettings.schemes.contains(scheme) else {
            throw StoreAddressError("--db names a \(scheme):// URL; Triage's store is a file path or a postgres:// URL",
                                    remedy: "Give a file path, or postgres://user@host[:port]/database.")
        }
        return .postgres(try PostgresSettings(url: text, password: password))
    }

    /// Where the store is, for messages: the file, or the server and database (no password).
    public var location: String {
        switch self {
        case .file(let path): path
        case .postgres(let settings): settings.location
        }
    }

    /// The scheme of `scheme://…`, lower-cased; nil for a path (which may hold `:` but not `://`
    /// after a leading run of letters).
    private static func urlScheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }
}
