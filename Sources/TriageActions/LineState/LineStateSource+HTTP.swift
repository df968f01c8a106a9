import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TriageCore

extension LineStateSource {
    /// Unreserved characters (RFC 3986) only: a `/`, `?`, `#`, space or `%` in an id stays part
    /// of the one value, never a path step, a query or a fragment.
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    func http(url template: LineStateTemplate, token: SecretReference?, query: LineStateQuery) async -> (LineState.State, String) {
        let text: String
        switch template.filled(with: query, encode: { $0.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "" }) {
        case .success(let filled): text = filled
        case .failure(let missing): return Self.missing(missing, query: query)
        }
        guard let url = URL(string: text) else { return (.unknown, "the line-state URL for device \(query.device) is not a valid URL") }
        let target = "GET \(url.withoutCredentials)"
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.timeoutInterval = configuration.timeout
        if let token {
            do throws(ConfigurationError) {
                request.setValue("Bearer \(try token.read(environment: environment))", forHTTPHeaderField: "Authorization")
            } catch {
                return (.unknown, "the line-state token could not be read: \(error.problem)")
            }
        }
        let outcome: HTTPExchange.Outcome
        do {
            outcome = try await Deadline.run(seconds: configuration.timeout) { [request] in
                await HTTPExchange(limit: Self.answerLimit).run(request)
            }
        } catch {
            outcome = Task.isCancelled ? .cancelled : .timedOut
        }
        switch outcome {
        case .answered(let status, _, let body) where (200..<300).contains(status):
            return LineStateAnswer.read(body, from: target)
        case .answered(let status, _, _):
            return (.unknown, "\(target) answered HTTP \(status)")
        case .tooLarge:
            return (.unknown, "\(target) answered with more than \(Self.answerLimit / 1024) KiB")
        case .failed(let reason):
            return (.unknown, "\(target) failed: \(reason)")
        case .timedOut:
            return (.unknown, "the line-state service timed out after \(Self.seconds(configuration.timeout)) s (\(target))")
        case .cancelled:
            return (.unknown, "\(target) was cancelled before it answered")
        }
    }
}
