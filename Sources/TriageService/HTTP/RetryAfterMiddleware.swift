import HTTPTypes
import Hummingbird

/// Every 503 says when to try again (RFC 9110 `Retry-After`): intake while the store does not
/// answer or shutdown began, `/readyz` while not ready. A caller (the ticket system) retries then,
/// and a load balancer sends it to another worker meanwhile.
struct RetryAfterMiddleware<Context: RequestContext>: RouterMiddleware {
    static var seconds: Int { 5 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.status == .serviceUnavailable, response.headers[.retryAfter] == nil {
            response.headers[.retryAfter] = "\(Self.seconds)"
        }
        return response
    }
}
