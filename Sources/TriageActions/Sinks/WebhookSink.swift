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
        let shownURL = configuration.url.withoutCredentials
        var lastFailure = DeliveryFailure("webhook: no attempt made")
        for attempt in 1...max(1, configuration.attempts) {
            if attempt > 1 {
                do {
                    try await Task.sleep(for: .seconds(Self.pause(before: attempt, backoff: configuration.backoff)))
                } catch {
                    break  // Cancelled: the delivery's deadline has passed.
                }
            }
            let response: HTTPClient.Response
            do {
                response = try await client.send(request)
            } catch {
                lastFailure = error
                continue
            }
            if response.isSuccess { return "webhook:\(response.status)" }
            lastFailure = DeliveryFailure("webhook \(shownURL) answered \(response.status): \(response.text.prefix(200))")
            // A client error other than timeout or throttling won't change by asking again now.
            if (400..<500).contains(response.status), ![408, 425, 429].contains(response.status) { break }
        }
        throw lastFailure
    }

    /// `backoff` before the second try, doubling for each later one, never longer than a minute.
    static func pause(before attempt: Int, backoff: TimeInterval) -> TimeInterval {
        let pause = backoff * pow(2, Double(max(0, attempt - 2)))
        return pause.isFinite ? min(max(pause, 0), ConfigurationLimits.longestPause) : ConfigurationLimits.longestPause
    }
}
