public import Foundation

/// What `triage simulate` was asked to serve, and where to write the fleet's files.
public struct SimulatorConfiguration: Sendable {
    public var scenarioFolders: [URL]
    /// The inventory to write; known_hosts, the password and the state folder go beside it.
    public var inventory: URL
    /// Created once every device listens, removed at shutdown.
    public var readyFile: URL?
    /// Serve this many copies of the one scenario (ids `<id>-1` ...), for load.
    public var copies: Int?
    public var port: Int
    /// The user name the devices accept (with the fleet's password).
    public var user: String
    /// Files of OpenSSH public key lines the devices accept besides the fleet's own key.
    public var authorizedKeyFiles: [URL]

    public init(
        scenarioFolders: [URL], inventory: URL, readyFile: URL? = nil, copies: Int? = nil,
        port: Int = 2222, user: String = "root", authorizedKeyFiles: [URL] = []
    ) {
        self.scenarioFolders = scenarioFolders
        self.inventory = inventory
        self.readyFile = readyFile
        self.copies = copies
        self.port = port
        self.user = user
        self.authorizedKeyFiles = authorizedKeyFiles
    }
}
