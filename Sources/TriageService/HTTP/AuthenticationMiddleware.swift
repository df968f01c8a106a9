import Hummingbird
import HTTPTypes
import Logging

/// The `/v1` routes' gate: the body is read up to the limit (413 beyond it), then the caller must
/// show a known bearer token or a valid signature (401 otherwise, with no detail; the reason goes
/// to the debug log, never a token, secret or signature). Health and metrics routes pass freely.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    static var bodyLimit: Int { 64 * 1024 }
    static var timestampHeader: HTTPField.Name { HTTPField.Name("X-Triage-Timestamp") ?? .date }
    static var signatureHeader: HTTPField.Name { HTTPField.Name("X-Triage-Signature") ?? .date }

    let authenticator: RequestAuthenticator
    let metrics: ServiceMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        let headers = request.headers
        // A wrong token is refused before the body is read.
        if let authorization = headers[.authorization], case .rejected(let reason) = authenticator.check(
            authorization: authorization, timestamp: nil, signature: nil, body: []) {
            throw refusal(reason)
        }
        var request = request
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.collectBody(upTo: Self.bodyLimit))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            metrics.rejected("too_large")
            throw HTTPError(.contentTooLarge, message: "the body is larger than \(Self.bodyLimit / 1024) KiB")
        }
        switch authenticator.check(authorization: headers[.authorization], timestamp: headers[Self.timestampHeader],
                                   signature: headers[Self.signatureHeader], body: body) {
        case .accepted(let caller):
            var context = context
            context.logger[metadataKey: "caller"] = "\(caller)"
            return try await next(request, context)
        case .rejected(let reason):
            throw refusal(reason)
        }
    }

    private func refusal(_ reason: String) -> HTTPError {
        metrics.rejected("unauthorized")
        logger.debug("request refused: not authenticated", metadata: ["reason": "\(reason)"])
        return HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "unauthorized")
    }
}
