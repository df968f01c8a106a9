import Foundation

extension PostgresSettings {
    static let schemes: Set<String> = ["postgres", "postgresql"]

    /// Reads `postgres://user@host[:port]/database[?sslmode=disable|prefer|require]`, libpq's
    /// form without its password. A URL that holds a password (`user:secret@`, `?password=`) is
    /// refused without echoing it: command lines end up in shell histories and `ps`, configs in
    /// tickets. The password comes from `password` instead.
    public init(url text: String, password: PasswordSource) throws(StoreAddressError) {
        let remedy = "Write it as postgres://user@host[:port]/database[?sslmode=disable|prefer|require]."
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), Self.schemes.contains(scheme) else {
            throw StoreAddressError("'\(text)' is not a postgres:// URL", remedy: remedy)
        }
        let items = url.queryItems ?? []
        guard url.password == nil, !items.contains(where: { $0.name == "password" }) else {
            throw StoreAddressError("the store's URL holds a password; passwords never go on the command line or in the config",
                                    remedy: "Put it in a private file (0600) named by store.password_file, or in an environment variable named by store.password_env.")
        }
        guard let host = url.host, !host.isEmpty else { throw StoreAddressError("\(text) names no host", remedy: remedy) }
        guard let user = url.user, !user.isEmpty else { throw StoreAddressError("\(text) names no user (user@host)", remedy: remedy) }
        let port = url.port ?? 5432
        guard (1...65_535).contains(port) else { throw StoreAddressError("\(text): port \(port) is out of range", remedy: remedy) }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreAddressError("\(text) names no database (the path after the host)", remedy: remedy)
        }
        var tls = TLSMode.prefer
        for item in items {
            guard item.name == "sslmode" else {
                throw StoreAddressError("\(text): unknown parameter '\(item.name)'; Triage reads only sslmode", remedy: remedy)
            }
            guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                throw StoreAddressError("\(text): unknown sslmode '\(item.value ?? "")'; Triage supports disable, prefer and require", remedy: remedy)
            }
            tls = mode
        }
        self.init(host: host, port: port, user: user, database: database, password: password, tls: tls)
    }
}
