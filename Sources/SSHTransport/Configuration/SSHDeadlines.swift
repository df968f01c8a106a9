/// How long each step may take. A device that hangs costs its deadline and nothing more.
public struct SSHDeadlines: Sendable, Hashable {
    /// TCP connect, including name resolution.
    public var connect: Duration
    /// Banner, key exchange, host key check and authentication together.
    public var login: Duration
    /// One command, from the exec request to the exit status.
    public var command: Duration

    public init(connect: Duration = .seconds(10), login: Duration = .seconds(20), command: Duration = .seconds(60)) {
        self.connect = connect
        self.login = login
        self.command = command
    }

    public static let standard = SSHDeadlines()
}
