import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP the sinks need: one request, its status and body. Foundation's URLSession (libcurl on
/// Linux) ships with the toolchain, so the sinks add no package to build; it runs requests on its
/// own threads, and `data(for:)` suspends the caller instead of blocking the cooperative pool.
struct HTTPClient: Sendable {
    struct Response: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var isSuccess: Bool { (200..<300).contains(status) }
    }

    /// No cache, no cookies: a lookup must see the server's state now, not an earlier answer.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    var timeout: TimeInterval

    func send(_ request: URLRequest) async throws(DeliveryFailure) -> Response {
        var request = request
        request.timeoutInterval = timeout
        let target = "\(request.httpMethod ?? "GET") \(request.url?.absoluteString ?? "?")"
        do {
            let (data, response) = try await Self.session.data(for: request)
            guard let http = response as? HTTPURLResponse else { throw DeliveryFailure("\(target): not an HTTP answer") }
            return Response(status: http.statusCode, body: data)
        } catch let failure as DeliveryFailure {
            throw failure
        } catch {
            throw DeliveryFailure("\(target): \(error.localizedDescription) (the receiver is down or unreachable; delivery is retried)")
        }
    }
}
