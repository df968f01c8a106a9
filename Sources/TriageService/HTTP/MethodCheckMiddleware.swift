import HTTPTypes
import Hummingbird

/// A method a route does not have gets 405 with `Allow`, not 404: the path exists (RFC 9110).
/// The routes are those of Docs/openapi.yaml; HEAD is allowed where GET is.
struct MethodCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    private static func allowed(_ path: String) -> [HTTPRequest.Method]? {
        switch path {
        case "/v1/escalations": [.post]
        case "/healthz", "/readyz", "/metrics": [.get, .head]
        default:
            ["/v1/jobs/", "/v1/diagnoses/"].contains { path.hasPrefix($0) && path.count > $0.count && !path.dropFirst($0.count).contains("/") }
                ? [.get, .head] : nil
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let allowed = Self.allowed(request.uri.path), !allowed.contains(request.method) {
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")],
                            message: "\(request.method.rawValue) is not allowed here; allowed: \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return try await next(request, context)
    }
}
