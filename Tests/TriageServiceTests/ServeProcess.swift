import ChildProcess
import Crypto
import Foundation
import TriageCore
import TriageStore
import TriageTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `triage serve` as a child process on a free port, with a config, a signing secret and a store
/// in the test's folder, over the simulator's inventory. Real HTTP through URLSession.
struct ServeProcess: Sendable {
    static let token = "test-token-0123456789abcdef"
    static let signingSecret = "test-signing-secret-fedcba9876543210"

    let folder: URL
    let inventory: String
    let port: Int
    /// The store: the folder's triage.sqlite unless several workers share one (`sharedDatabase`).
    let database: String
    var config: String { folder.appendingPathComponent("triage.yaml").path }
    var log: String { folder.appendingPathComponent("serve.log").path }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    init(folder: URL, inventory: String, concurrency: Int = 4, grace: Int = 30, jobLease: Int = 5, workerID: String? = nil,
         sharedDatabase: String? = nil, creatingFolder: Bool = false, postgres: PostgresSettings? = nil) throws {
        if creatingFolder { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        self.folder = folder
        self.inventory = inventory
        database = postgres?.location ?? sharedDatabase ?? folder.appendingPathComponent("triage.sqlite").path
        // A PostgreSQL store is named in the config, its password by file: never on the command line.
        let store = postgres.map { settings -> String in
            guard case .file(let passwordFile) = settings.password else { return "" }
            return "store:\n  url: \(settings.location)?sslmode=disable\n  password_file: \(passwordFile)\n"
        } ?? ""
        usesConfigStore = postgres != nil
        port = try TestNetwork.freePort()
        let secretFile = folder.appendingPathComponent("signing.key").path
        try Self.signingSecret.write(toFile: secretFile, atomically: true, encoding: .utf8)
        let hash = SHA256.hash(data: Data(Self.token.utf8)).map { String(format: "%02x", $0) }.joined()
        try (store + """
            service:
              listen: 127.0.0.1:\(port)
              concurrency: \(concurrency)
              shutdown_grace_seconds: \(grace)
              delivery_interval_seconds: 2
              job_lease_seconds: \(jobLease)\(workerID.map { "\n  worker_id: \($0)" } ?? "")
              tokens:
                - name: tests
                  sha256: \(hash)
              signing_secret_file: \(secretFile)
            """).write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// True when the config names the store (PostgreSQL): `--db` is left out.
    let usesConfigStore: Bool

    var arguments: [String] {
        ["serve", "--config", config, "--inventory", inventory] + (usesConfigStore ? [] : ["--db", database])
    }

    /// Runs `body` while the service runs (ready: /healthz answers), then SIGTERM; returns how it ended.
    func run<T: Sendable>(stopSignal: Int32 = SIGTERM, _ body: (BackgroundProcess.Started) async throws -> T)
        async throws -> (result: T, termination: ChildProcess.Termination) {
        try await BackgroundProcess.run(TriageExecutable.path, arguments, standardErrorPath: log, stopSignal: stopSignal) { started in
            try await started.waitUntil("GET /healthz answered") { (try? await get("/healthz").status) == 200 }
            return try await body(started)
        }
    }

    // MARK: HTTP

    struct Answer: Sendable {
        var status: Int
        var body: Data
        var retryAfter: String? = nil
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { throw NotJSON(text: text) }
            return object
        }
    }

    struct NotJSON: Error, CustomStringConvertible {
        let text: String
        var description: String { "not a JSON object: \(text.prefix(300))" }
    }

    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!, timeoutInterval: 60)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return Answer(status: http?.statusCode ?? 0, body: data, retryAfter: http?.value(forHTTPHeaderField: "Retry-After"))
    }

    func get(_ path: String, authorized: Bool = true) async throws -> Answer {
        try await send("GET", path, headers: authorized ? ["Authorization": "Bearer \(Self.token)"] : [:])
    }

    /// POST /v1/escalations with the bearer token and a JSON body.
    func escalate(_ body: String, headers: [String: String] = ["Authorization": "Bearer \(token)"]) async throws -> Answer {
        try await send("POST", "/v1/escalations", body: Data(body.utf8), headers: headers.merging(["Content-Type": "application/json"]) { $1 })
    }

    var token: String { Self.token }

    static func escalation(ticket: String, device: String, system: String = "crm") -> String {
        #"{"ticket":{"system":"\#(system)","id":"\#(ticket)","url":"https://crm.example/t/\#(ticket)"},"device":"\#(device)"}"#
    }

    /// The signature headers for `body` at `timestamp`, signed with `secret`.
    static func signature(_ body: String, timestamp: Int, secret: String = signingSecret) -> [String: String] {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return ["X-Triage-Timestamp": "\(timestamp)", "X-Triage-Signature": "sha256=" + code.map { String(format: "%02x", $0) }.joined()]
    }

    /// Polls the job until it is done or failed (a hang guard of minutes, not a timing).
    func finishedJob(_ id: String, within limit: Duration = .seconds(300)) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let job = try await get("/v1/jobs/\(id)").json()
            if let state = job["state"] as? String, state == "done" || state == "failed" { return job }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw NotJSON(text: "job \(id) did not finish within \(limit); log: \((try? String(contentsOfFile: log, encoding: .utf8))?.suffix(2000) ?? "")")
    }

    /// One device on a closed port, one connect attempt: for tests whose jobs never matter.
    static let unreachableInventory = """
        version: 1
        defaults:
          credentials: {password_env: TRIAGE_TEST_UNUSED}
          retries: {attempts: 1, spacing_seconds: 0}
        devices:
          - id: cpe-1
            host: 127.0.0.1
            port: 1

        """

    /// A temporary folder with a simulator serving the built-in scenarios `ids` (one device each,
    /// its id the scenario's), and `triage serve` prepared over its inventory (not started).
    /// `copies`: the simulator serves that many copies of each scenario (`<id>-1`, `<id>-2`, …).
    static func withSimulatedDevices(_ ids: [String], prefix: String, copies: Int? = nil,
                                     _ body: @Sendable (ServeProcess) async throws -> Void) async throws {
        let folder = try TemporaryDirectory(prefix: prefix)
        defer { folder.remove() }
        let simulatorFolder = folder.url.appendingPathComponent("simulator")
        try FileManager.default.createDirectory(at: simulatorFolder, withIntermediateDirectories: true)
        let builtIn = try BundledResources.requireDirectory(named: "Scenarios")
        let arguments = ids.map { builtIn.appendingPathComponent($0).path } + (copies.map { ["--copies", "\($0)"] } ?? [])
        try await SimulatorProcess.withSimulator(arguments, in: simulatorFolder) { simulator in
            try await body(try ServeProcess(folder: folder.url, inventory: simulator.inventory.path))
        }
    }
}
