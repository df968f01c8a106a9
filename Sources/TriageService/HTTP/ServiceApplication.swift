import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import TriageServiceAPI

/// Builds the HTTP application: one function, used by `triage serve` and by the tests alike.
enum ServiceApplication {
    static func build(api: EscalationAPI, authenticator: RequestAuthenticator, host: String, port: Int,
                      logger: Logger) throws -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: RetryAfterMiddleware())
        router.add(middleware: MethodCheckMiddleware())
        router.add(middleware: AuthenticationMiddleware(authenticator: authenticator, metrics: api.metrics, logger: logger))
        try api.registerHandlers(on: router, middlewares: [RequestErrorMiddleware(metrics: api.metrics, logger: logger)])
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                           logger: logger)
    }
}
