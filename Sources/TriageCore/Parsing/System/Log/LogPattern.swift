/// One message shape the classifier knows: a phrase that marks it, and where its subject and detail are.
struct LogPattern: Sendable {
    enum Subject: Sendable {
        /// The text before the phrase, e.g. `ath10k_pci 0000:01:00.0` in `ath10k_pci 0000:01:00.0: firmware crashed!`.
        case prefix
        /// The last `name:` before the phrase: `wan` in `mt7530 mdio-bus:1f wan: Link is Up`.
        case device
        /// The first name in single quotes: `wan` in `Interface 'wan' is now down`.
        case quoted
        /// The logging program with its pid: `pppd[8325]`.
        case tag
    }

    enum Role: Sendable {
        /// The line is (part of) an event of `kind`.
        case event
        /// The line explains the next event of `kind` from the same subject (e.g. the PPPoE server's
        /// `Remote message:` before `PAP authentication failed`); it makes no event of its own.
        case context
    }

    var kind: LogEvent.Kind
    var phrase: LogPhrase
    /// A second phrase that must also be in the message, after the first.
    var alsoAfter: LogPhrase?
    /// The program that must have logged it, where the format names one.
    var process: String?
    var subject: Subject
    var role: Role = .event
    /// A second report of something another pattern reported just before (netifd's `Network device 'wan'
    /// link is up` after the kernel's `wan: Link is Up`): it joins that event instead of starting one.
    var joinsPrevious: Bool

    init(
        _ kind: LogEvent.Kind, _ phrase: String, alsoAfter: String? = nil, process: String? = nil,
        subject: Subject = .prefix, role: Role = .event, joinsPrevious: Bool = false
    ) {
        self.kind = kind
        self.phrase = LogPhrase(phrase)
        self.alsoAfter = alsoAfter.map(LogPhrase.init)
        self.process = process
        self.subject = subject
        self.role = role
        self.joinsPrevious = joinsPrevious
    }
}
