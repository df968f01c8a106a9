import NIOCore
import NIOSSH

/// Accepts the fleet's user with the fleet's password or with a key from the fleet's authorized
/// keys; with `refuseEveryone` (the auth-fail fault) accepts nobody, whatever they offer.
final class FleetAuthenticator: NIOSSHServerUserAuthenticationDelegate, Sendable {
    private let user: String
    private let password: String
    private let authorizedKeys: Set<NIOSSHPublicKey>
    private let refuseEveryone: Bool

    init(user: String, password: String, authorizedKeys: Set<NIOSSHPublicKey>, refuseEveryone: Bool) {
        self.user = user
        self.password = password
        self.authorizedKeys = authorizedKeys
        self.refuseEveryone = refuseEveryone
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { [.publicKey, .password] }

    /// NIOSSH has checked a key's signature before it asks; what remains is whether the key is authorized.
    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        guard !refuseEveryone, request.username == user else { return responsePromise.succeed(.failure) }
        switch request.request {
        case .password(let offered):
            responsePromise.succeed(offered.password == password ? .success : .failure)
        case .publicKey(let offered):
            responsePromise.succeed(authorizedKeys.contains(offered.publicKey) ? .success : .failure)
        default:
            responsePromise.succeed(.failure)
        }
    }
}
