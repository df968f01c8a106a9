import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP the sinks need: one request, its status and body. Foundation's URLSession (libcurl on
/// Linux) ships with the toolchain, so the sinks add no package to build; it runs requests on its
/// own threads, and the caller suspends instead of blocking the cooperative pool.
///
/// What a careless or hostile sink cannot do to it: make it follow a redirect (a 3xx is a failure
/// that names the new address: the token or signature never goes there), hold it past `timeout`
/// (one deadline for connect, headers and the whole body, however slowly it drips), or fill memory
/// (at most `maximumBodyBytes` of an answer are read; a longer one is a failure).
struct HTTPClient: Sendable {
    struct Response: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var isSuccess: Bool { (200..<300).contains(status) }
    }

    /// Sinks answer with a status, an id or a short list: 64 KiB is far more than any of them needs.
    static let maximumBodyBytes = 64 * 1024

    /// The whole request's deadline, in seconds.
    var timeout: TimeInterval

    func send(_ request: URLRequest) async throws(DeliveryFailure) -> Response {
        var request = request
        // libcurl's own timeout only bounds silence between packets; the deadline below bounds the
        // whole request. The value is clamped because FoundationNetworking traps on huge ones.
        request.timeoutInterval = min(max(timeout, 1), Deadline.longest)
        let target = "\(request.httpMethod ?? "GET") \(request.url?.withoutCredentials ?? "?")"
        let outcome: HTTPExchange.Outcome
        do {
            outcome = try await Deadline.run(seconds: timeout) { [request] in
                await HTTPExchange(limit: Self.maximumBodyBytes).run(request)
            }
        } catch is Deadline.Expired {
            throw Self.stalled(target, timeout: timeout)
        } catch {
            throw DeliveryFailure("\(target): cancelled before an answer came")
        }
        switch outcome {
        case .answered(let status, let location, let body):
            if (300..<400).contains(status) { throw Self.redirectFailure(target, status: status, location: location) }
            return Response(status: status, body: body)
        case .tooLarge(let status):
            throw DeliveryFailure("\(target): answered \(status) with a body over \(Self.maximumBodyBytes / 1024) KiB; "
                + "Triage reads no more than that, so this is not taken as delivered (check the URL points at the sink)")
        case .failed(let reason):
            throw DeliveryFailure("\(target): \(reason) (the receiver is down or unreachable; delivery is retried)")
        case .timedOut:
            throw Self.stalled(target, timeout: timeout)
        case .cancelled:
            throw DeliveryFailure("\(target): cancelled before an answer came")
        }
    }

    /// The deadline passed, whether Triage's own or libcurl's (both are `timeout` long).
    private static func stalled(_ target: String, timeout: TimeInterval) -> DeliveryFailure {
        DeliveryFailure("\(target): no complete answer within \(seconds(timeout)) s "
            + "(the receiver is stalled or too slow; delivery is retried)")
    }

    /// A redirect is never a delivery: the sink's URL is wrong, and following it would hand the
    /// credentials and the evidence to another address.
    private static func redirectFailure(_ target: String, status: Int, location: String?) -> DeliveryFailure {
        let reason = [300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
                      307: "Temporary Redirect", 308: "Permanent Redirect"][status].map { " \($0)" } ?? ""
        guard let location else {
            return DeliveryFailure("\(target): the sink answered \(status)\(reason), which is not a delivery: check the URL")
        }
        let shown = URL(string: location)?.withoutCredentials ?? "an address that is not a valid URL"
        return DeliveryFailure("\(target): the sink answered \(status)\(reason) to \(shown): "
            + "set the URL to the final address (Triage follows no redirects, so credentials never go elsewhere)")
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(min(value, Deadline.longest))) : String(value)
    }
}
