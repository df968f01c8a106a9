import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TriageStore

/// `sink: webhook`: POSTs the action as JSON, signed, with its idempotency key in a header.
/// Retries with doubling pauses within one run; the receiver is expected to answer a repeated key
/// with success and no second order (that is what the key is for).
struct WebhookSink: ActionSink {
    let configuration: WebhookConfiguration
    let secret: String

    init(configuration: WebhookConfiguration) throws(DeliveryFailure) {
        self.configuration = configuration
        do {
            secret = try configuration.secret.read()
        } catch {
            throw DeliveryFailure("webhook secret: \(error.problem)")
        }
    }

    func deliver(_ entry: OutboxEntry, progress: String?, saveProgress: @Sendable (String) async throws -> Void) async throws(DeliveryFailure) -> String {
        let body: Data
        do {
            body = try ActionMessage(entry).encoded()
        } catch {
            throw DeliveryFailure("cannot encode the message: \(error)")
        }
        var request = URLRequest(url: configuration.url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(WebhookSignature.sign(body, secret: secret), forHTTPHeaderField: WebhookSignature.header)
        request.setValue(entry.outbox.idempotencyKey, forHTTPHeaderField: WebhookSignature.idempotencyHeader)
        let client = HTTPClient(timeout: configuration.timeout)
        var lastFailure = DeliveryFailure("webhook: no attempt made")
        for attempt in 1...max(1, configuration.attempts) {
            if attempt > 1 {
                try? await Task.sleep(for: .seconds(configuration.backoff * pow(2, Double(attempt - 2))))
            }
            let response: HTTPClient.Response
            do {
                response = try await client.send(request)
            } catch {
                lastFailure = error
                continue
            }
            if response.isSuccess { return "webhook:\(response.status)" }
            lastFailure = DeliveryFailure("webhook \(configuration.url.absoluteString) answered \(response.status): \(response.text.prefix(200))")
            // A client error other than timeout or throttling won't change by asking again now.
            if (400..<500).contains(response.status), ![408, 425, 429].contains(response.status) { break }
        }
        throw lastFailure
    }
}
