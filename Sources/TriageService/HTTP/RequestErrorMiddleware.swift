import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Turns what the generated server throws into answers: a body that does not decode (malformed
/// JSON, a missing field, a wrong type, an unknown field) is 400 with what is wrong; the runtime's
/// other refusals (wrong content type) keep their status. Nothing else escapes as a `ServerError`,
/// whose description holds the request's headers: the token must never reach a log.
struct RequestErrorMiddleware: ServerMiddleware {
    let metrics: ServiceMetrics
    let logger: Logger

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch let error as ServerError {
            if let decoding = Self.decodingError(in: error.underlyingError) {
                metrics.rejected("malformed")
                return Self.answer(.badRequest, "the request body is not a valid EscalationRequest: \(Self.describe(decoding))")
            }
            if error.httpStatus.kind == .clientError {
                metrics.rejected("malformed")
                return Self.answer(error.httpStatus, "\(error.causeDescription) (\(error.httpStatus.reasonPhrase))")
            }
            logger.error("request failed", metadata: ["operation": "\(operationID)", "cause": "\(error.causeDescription)"])
            return Self.answer(.internalServerError, "the service failed; see its log")
        }
    }

    static func answer(_ status: HTTPResponse.Status, _ message: String) -> (HTTPResponse, HTTPBody?) {
        let encoded = (try? JSONEncoder().encode(["error": ["message": message]])) ?? Data()
        return (HTTPResponse(status: status, headerFields: [.contentType: "application/json"]), HTTPBody(encoded))
    }

    private static func decodingError(in error: any Error) -> DecodingError? {
        if let decoding = error as? DecodingError { return decoding }
        if let server = error as? ServerError { return decodingError(in: server.underlyingError) }
        return nil
    }

    /// "ticket.system: expected String", "missing field ticket.id", "unknown field …".
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            return keys.isEmpty ? "the body" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field \(path(context, key))"
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
