import Yams
import TriageStore

extension ConfigurationReader {
    /// `store.path` (a file) or `store.url` (a PostgreSQL server), and where the server's password
    /// is: `password_file` or `password_env`, also used when `--db` names the server.
    func store(_ fields: [String: Node], into configuration: inout TriageConfiguration) throws(ConfigurationError) {
        configuration.storePath = try optionalString(fields["path"], path: "store.path")
        switch (fields["password_file"], fields["password_env"]) {
        case (nil, nil): configuration.storePassword = .none
        case (let file?, nil): configuration.storePassword = .file(try string(file, path: "store.password_file"))
        case (nil, let env?): configuration.storePassword = .environment(try string(env, path: "store.password_env"))
        case (_, let env?): throw problem("store needs at most one of password_file or password_env", env)
        }
        guard let node = fields["url"] else { return }
        if configuration.storePath != nil {
            throw problem("store.path and store.url both name a store; keep one (path: an SQLite file, url: a PostgreSQL server)", node)
        }
        let text = try string(node, path: "store.url")
        do throws(StoreAddressError) {
            configuration.storeURL = try PostgresSettings(url: text, password: configuration.storePassword)
        } catch {
            throw problem("store.url: \(error.problem). \(error.remedy)", node)
        }
    }
}
