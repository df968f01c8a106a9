import NIOCore
import NIOSSH

/// Accepts the fleet's user with the fleet's password; with `refuseEveryone` (the auth-fail
/// fault) accepts nobody, whatever they offer.
final class PasswordAuthenticator: NIOSSHServerUserAuthenticationDelegate, Sendable {
    private let user: String
    private let password: String
    private let refuseEveryone: Bool

    init(user: String, password: String, refuseEveryone: Bool) {
        self.user = user
        self.password = password
        self.refuseEveryone = refuseEveryone
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        refuseEveryone ? [.password, .publicKey] : .password
    }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        guard !refuseEveryone, request.username == user, case .password(let offered) = request.request else {
            return responsePromise.succeed(.failure)
        }
        responsePromise.succeed(offered.password == password ? .success : .failure)
    }
}
