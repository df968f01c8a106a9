import Foundation

extension URL {
    /// The URL as error messages and logs may show it: without a user name or password, so that
    /// credentials someone wrote into a URL never reach a terminal, a log or `outbox.lastError`.
    var withoutCredentials: String {
        guard user != nil || password != nil, var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else {
            return absoluteString
        }
        components.user = nil
        components.password = nil
        return components.string ?? "\(scheme ?? "?")://\(host ?? "?")"
    }
}
