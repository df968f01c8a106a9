import NIOCore
import Synchronization

/// The fleet's open connections, so that shutdown can close them all: a client that stopped
/// reading would otherwise keep its command's last write, and so the shutdown, waiting forever.
final class ConnectionRegistry: Sendable {
    private let connections = Mutex<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        connections.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { _ in
            self.connections.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    func closeAll() {
        let open = connections.withLock { Array($0.values) }
        for channel in open { channel.close(promise: nil) }
    }
}
