/// What to do with a server's host key. There is deliberately no "accept anything" mode: a changed
/// key is refused under every policy, because it means a swapped device or an attack.
public enum HostKeyPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// The key must already be in the known_hosts file (default).
    case strict
    /// Trust on first use: an unknown host's key is pinned into the known_hosts file; a changed one is refused.
    case acceptNew = "accept-new"
}
