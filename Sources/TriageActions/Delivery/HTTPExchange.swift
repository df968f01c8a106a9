import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// One HTTP request on a URLSession of its own, whose delegate sees every step: it refuses to
/// follow redirects (the token or signature would go to wherever the sink points), stops reading
/// a body past `limit` bytes (a sink that floods costs that much memory, not its body size), and
/// ends as soon as the calling task is cancelled (that is how `HTTPClient` enforces its deadline).
///
/// `@unchecked Sendable`: URLSession needs an NSObject delegate, which cannot be checked; every
/// mutable field is in the `Mutex`.
final class HTTPExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Outcome: Sendable {
        /// A complete answer (a redirect included: it is not followed).
        case answered(status: Int, location: String?, body: Data)
        /// The body went past the limit; the transfer was stopped there.
        case tooLarge(status: Int)
        case failed(String)
        /// libcurl's own timeout ended it (it races Triage's deadline, which has the same length).
        case timedOut
        case cancelled
    }

    private struct State {
        var task: URLSessionDataTask?
        var cancelled = false
        var status = 0
        var location: String?
        var body = Data()
        var tooLarge = false
        var continuation: CheckedContinuation<Outcome, Never>?
    }

    /// No cache, no cookies: a lookup must see the server's state now, not an earlier answer.
    private static let configuration: URLSessionConfiguration = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        return configuration
    }()

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = limit
    }

    func run(_ request: URLRequest) async -> Outcome {
        // The session holds its delegate until it is invalidated; a session per request is cheap
        // next to the request itself, and keeps each request's state apart.
        let session = URLSession(configuration: Self.configuration, delegate: self, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let start = state.withLock { state in
                    guard !state.cancelled else { return false }
                    state.continuation = continuation
                    state.task = task
                    return true
                }
                if start { task.resume() } else { continuation.resume(returning: .cancelled) }
            }
        } onCancel: {
            let running = state.withLock { state in
                state.cancelled = true
                return state.task != nil
            }
            if running { task.cancel() }
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        // nil: the redirect itself becomes the answer, and nothing is sent to the new address.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        state.withLock { state in
            state.status = http?.statusCode ?? 0
            state.location = http?.value(forHTTPHeaderField: "Location")
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { state in
            guard !state.tooLarge else { return false }
            guard state.body.count + data.count <= limit else {
                state.tooLarge = true
                state.body = Data()
                return true
            }
            state.body.append(data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, outcome) = state.withLock { state in
            let outcome: Outcome
            if state.tooLarge {
                outcome = .tooLarge(status: state.status)
            } else if state.cancelled {
                outcome = .cancelled
            } else if let error = error as? URLError, error.code == .timedOut {
                outcome = .timedOut
            } else if let error {
                outcome = .failed(error.localizedDescription)
            } else {
                outcome = .answered(status: state.status, location: state.location, body: state.body)
            }
            defer { state.continuation = nil }
            return (state.continuation, outcome)
        }
        continuation?.resume(returning: outcome)
    }
}
