public import Foundation

/// A real Request Tracker 5 (Debian's `request-tracker5`, `rt5-db-sqlite`, `rt5-standalone`) in a
/// temporary folder: its own site config (Debian's sets WebPath /rt), an SQLite database made by
/// `rt-setup-database`, four queues, a `Device` ticket custom field and an auth token for root made
/// through RT's Perl API.
/// `serve` runs `rt-server` on loopback for the length of a closure; it can be served again later,
/// which is how tests stop RT in the middle of delivery and start it again.
public struct RequestTrackerFixture: Sendable {
    public static let rtServer = "/usr/share/request-tracker5/libexec/rt-server"
    public static let thirdLevelQueue = "Third-Level"
    public static let orderQueue = "RMA"
    /// The queue first level escalates into, watched by the intake.
    public static let intakeQueue = "Escalations"
    /// Where the intake sets aside tickets without a device, and `healthy` answers go back to.
    public static let firstLevelQueue = "First-Level"
    /// The ticket custom field (single value, on every queue) that holds the device id.
    public static let deviceField = "Device"

    public let directory: TemporaryDirectory
    public let port: Int
    public let token: String
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    public var tokenFile: String { directory.url.appendingPathComponent("token").path }

    /// True where the Debian packages are installed (scripts/install-deps installs them).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: rtServer) }

    /// Makes the database, the queues and the token. Takes about 10 s.
    public static func prepare() async throws -> RequestTrackerFixture {
        let directory = try TemporaryDirectory(prefix: "triage-rt")
        let port = try TestNetwork.freePort()
        let siteConfig = directory.url.appendingPathComponent("RT_SiteConfig.pm")
        try """
            Set($rtname, 'triage-test');
            Set($Organization, 'triage-test');
            Set($WebPath, '');
            Set($WebDomain, '127.0.0.1');
            Set($WebPort, \(port));
            Set($WebBaseURL, 'http://127.0.0.1:\(port)');
            Set($DatabaseType, 'SQLite');
            Set($DatabaseName, '\(directory.path)/rt.sqlite');
            Set($LogToSyslog, undef);
            Set($LogToFile, undef);
            Set($LogToSTDERR, 'error');
            Set($MailCommand, 'testfile');
            1;
            """.write(to: siteConfig, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("site.d"), withIntermediateDirectories: true)
        let fixture = RequestTrackerFixture(directory: directory, port: port, token: "")
        try await CommandRunner.run("/usr/sbin/rt-setup-database", ["--action", "init", "--skip-create"], environment: fixture.environment)
        let script = directory.url.appendingPathComponent("setup.pl")
        try setupScript.write(to: script, atomically: true, encoding: .utf8)
        let output = try await CommandRunner.run("/usr/bin/perl", [script.path, thirdLevelQueue, orderQueue, intakeQueue, firstLevelQueue], environment: fixture.environment)
        let token = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try token.write(toFile: fixture.tokenFile, atomically: true, encoding: .utf8)
        return RequestTrackerFixture(directory: directory, port: port, token: token)
    }

    var environment: [String: String] {
        ["RT_SITE_CONFIG": directory.url.appendingPathComponent("RT_SiteConfig.pm").path,
         "RT_SITE_CONFIG_DIR": directory.url.appendingPathComponent("site.d").path]
    }

    /// Runs `rt-server` while `body` runs, then stops it and waits until its workers are gone.
    /// At most two at once in the test process: several RTs starting together on 2 cores missed
    /// their 60 s readiness deadline.
    public func serve<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await Self.servers.run { try await serveNow(body) }
    }

    private static let servers = AsyncGate(capacity: 2)

    private func serveNow<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        let outcome = try await BackgroundProcess.run(
            Self.rtServer, ["--port", "\(port)"], environment: environment,
            standardErrorPath: directory.url.appendingPathComponent("rt-server.log").path
        ) { started -> Result<T, any Error> in
            try await started.waitUntil("listening on 127.0.0.1:\(port)", timeout: .seconds(180)) {
                TestNetwork.isListening(host: "127.0.0.1", port: port)
            }
            do {
                return .success(try await body())
            } catch {
                return .failure(error)
            }
        }
        try await ProcessCheck.waitUntilNoProcess(mentioning: "rt-server --port \(port)", timeout: .seconds(20))
        return try outcome.result.get()
    }

    /// The ids of the tickets whose subject contains `text`, via REST 2.0 (RT must be served).
    public func tickets(subjectContaining text: String) async throws -> [Int] {
        var components = URLComponents(url: baseURL.appendingPathComponent("REST/2.0/tickets"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "query", value: "Subject LIKE '\(text)'")]
        struct Page: Decodable { struct Item: Decodable { var id: String }; var items: [Item] }
        return try JSONDecoder().decode(Page.self, from: try await get(components.url!)).items.compactMap { Int($0.id) }
    }

    /// Creates a ticket the way first level would (the originating ticket of an escalation),
    /// with custom field values by name (`["Device": "cpe-1"]`).
    public func createTicket(subject: String, queue: String = "General", customFields: [String: String] = [:]) async throws -> Int {
        var fields: [String: Any] = ["Queue": queue, "Subject": subject, "Content": "Customer says: no WLAN"]
        if !customFields.isEmpty { fields["CustomFields"] = customFields }
        let body = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        let output = try await curl([
            "-sf", "-X", "POST", "-H", "Authorization: token \(token)", "-H", "Content-Type: application/json",
            "-d", body, baseURL.absoluteString + "/REST/2.0/ticket"])
        struct Created: Decodable { var id: String }
        return Int(try JSONDecoder().decode(Created.self, from: Data(output.stdout.utf8)).id) ?? 0
    }

    /// The name of the queue ticket `ticket` is in now.
    public func queueName(ofTicket ticket: Int) async throws -> String? {
        struct Ticket: Decodable { struct Queue: Decodable { var Name: String? }; var Queue: Queue? }
        return try JSONDecoder().decode(Ticket.self, from: try await get("ticket/\(ticket)?fields%5BQueue%5D=Name")).Queue?.Name
    }

    /// The messages on ticket `ticket` (its first message, replies, comments): subject and text.
    public func messages(onTicket ticket: Int) async throws -> [(subject: String, content: String)] {
        struct Page: Decodable { struct Item: Decodable { var Subject: String?; var Content: String? }; var items: [Item] }
        // A message's top attachment holds its subject; the parts of a multipart message have none.
        let history = try JSONDecoder().decode(Page.self, from: try await get("ticket/\(ticket)/attachments?fields=Subject,Content&per_page=100"))
        return history.items.compactMap { item in
            guard let subject = item.Subject, !subject.isEmpty else { return nil }
            return (subject, item.Content ?? "")
        }
    }

    /// Changes a ticket's fields (`["Queue": "Escalations"]`, `["CustomFields": ["Device": "cpe-1"]]`) as a person would.
    public func update(ticket: Int, _ fields: [String: Any]) async throws {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        _ = try await curl([
            "-sf", "-X", "PUT", "-H", "Authorization: token \(token)", "-H", "Content-Type: application/json",
            "-d", body, baseURL.absoluteString + "/REST/2.0/ticket/\(ticket)"])
    }

    /// A REST 2.0 resource as JSON, e.g. `ticket/3` or `ticket/3/attachments?fields=Filename,Content`.
    public func get(_ path: String) async throws -> Data {
        try await get(URL(string: baseURL.absoluteString + "/REST/2.0/" + path)!)
    }

    private func get(_ url: URL) async throws -> Data {
        let output = try await curl(["-sf", "-H", "Authorization: token \(token)", url.absoluteString])
        return Data(output.stdout.utf8)
    }

    /// Runs curl with the answer written to a file, read back as `stdout`: a curl writing to the
    /// test's pipe once failed with exit 23 (write error) in a loaded CI run, after RT had acted.
    private func curl(_ arguments: [String]) async throws -> CommandRunner.Output {
        let answer = directory.url.appendingPathComponent("curl-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: answer) }
        let run = try await CommandRunner.run("/usr/bin/curl", ["-o", answer.path] + arguments)
        let body = (try? String(contentsOf: answer, encoding: .utf8)) ?? ""
        return CommandRunner.Output(status: run.status, stdout: body, stderr: run.stderr)
    }

    public func remove() { directory.remove() }

    /// Creates the queues named on the command line and the device custom field (on every queue),
    /// and prints a new auth token for root.
    private static let setupScript = """
        use strict; use warnings;
        use lib '/usr/share/request-tracker5/lib';
        use RT;
        RT::LoadConfig(); RT::Init();
        my $root = RT::User->new(RT->SystemUser);
        $root->Load('root') or die "no root user";
        for my $name (@ARGV) {
            my $queue = RT::Queue->new(RT->SystemUser);
            $queue->Load($name);
            next if $queue->id;
            my ($ok, $msg) = $queue->Create(Name => $name);
            die "queue $name: $msg" unless $ok;
        }
        my $cf = RT::CustomField->new(RT->SystemUser);
        $cf->LoadByName(Name => '\(deviceField)', LookupType => RT::Ticket->CustomFieldLookupType);
        unless ($cf->id) {
            my ($ok, $msg) = $cf->Create(Name => '\(deviceField)', Type => 'Freeform', MaxValues => 1,
                                         LookupType => RT::Ticket->CustomFieldLookupType);
            die "custom field: $msg" unless $ok;
            ($ok, $msg) = $cf->AddToObject(RT::Queue->new(RT->SystemUser));
            die "custom field on every queue: $msg" unless $ok;
        }
        my $token = RT::AuthToken->new(RT::CurrentUser->new($root));
        my ($id, $msg, $auth) = $token->Create(Owner => $root->id, Description => 'triage tests');
        die "token: $msg" unless $id;
        print "$auth\\n";
        """
}
