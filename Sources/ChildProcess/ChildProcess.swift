import CChildProcess
import Glibc
import Synchronization

/// A child process started with `posix_spawn` and waited for by a thread of its own.
///
/// Triage's own, instead of swift-subprocess 1.0.2: under load that library sometimes never
/// resumes a run whose child exited while its output was still being read (the child stays a
/// zombie, the run hangs). Here nothing is shared between children: each is reaped by the thread
/// that waits for it, and reading its output is the caller's business.
public final class ChildProcess: Sendable {
    public let processIdentifier: Int32
    /// Whether the child leads a process group of its own (signals then reach its children too).
    public let leadsProcessGroup: Bool

    /// Set once the child has exited and before it is reaped: a signal is only sent while the
    /// pid still names this child (a zombie's pid cannot be reused).
    private let exited = Mutex(false)

    public enum Termination: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): "exited(\(code))"
            case .signaled(let signal): "signaled(\(signal))"
            }
        }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let executable: String
        public let code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Starts `executable` (an absolute path; no PATH search, no shell) with `arguments` after
    /// `argv[0]`, exactly `environment`, and the given descriptors as its stdin, stdout and stderr.
    /// The child gets the default signal dispositions and an empty signal mask, whatever this
    /// process blocks or ignores (Swift servers ignore SIGPIPE). No other descriptor of this
    /// process reaches the child.
    public init(
        executable: String, arguments: [String], argv0: String? = nil, environment: [String: String],
        workingDirectory: String? = nil, standardInput: Int32, standardOutput: Int32, standardError: Int32,
        leadsProcessGroup: Bool = false
    ) throws(SpawnError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in [(standardInput, Int32(0)), (standardOutput, 1), (standardError, 2)] {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        triage_spawn_file_actions_addclosefrom(&actions, 3)
        if let workingDirectory { triage_spawn_file_actions_addchdir(&actions, workingDirectory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if leadsProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = CStringArray([argv0 ?? executable] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            argv.free()
            envp.free()
        }
        var pid = pid_t()
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        guard rc == 0 else { throw SpawnError(executable: executable, code: rc) }
        processIdentifier = pid
        self.leadsProcessGroup = leadsProcessGroup
    }

    /// Sends `signal` to the child (and its process group, if it leads one) unless it has exited.
    public func send(_ signal: Int32) {
        exited.withLock { exited in
            guard !exited else { return }
            _ = kill(leadsProcessGroup ? -processIdentifier : processIdentifier, signal)
        }
    }

    /// Waits for the child to end and reaps it, on a thread of its own (never blocking the
    /// cooperative pool). Call once.
    public func waitForTermination() async -> Termination {
        await withCheckedContinuation { continuation in
            Self.onThread { continuation.resume(returning: self.blockingWait()) }
        }
    }

    /// Waits for the child to end and reaps it, blocking the calling thread.
    public func blockingWait() -> Termination {
        var info = siginfo_t()
        // First only wait for the exit (WNOWAIT), so that `send` can tell, under the lock, that the
        // pid is about to be released; then reap.
        while waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        return exited.withLock { exited in
            exited = true
            var status: Int32 = 0
            while waitpid(processIdentifier, &status, 0) < 0 && errno == EINTR {}
            // The wait status as <sys/wait.h> encodes it: a signal in the low 7 bits, else the code.
            let signal = status & 0x7f
            return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        }
    }

    /// Whether the child has exited (it stays a zombie until `blockingWait` reaps it).
    public var hasExited: Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        // With WNOHANG, a child that is still running leaves the zeroed siginfo as it was.
        return info.si_signo != 0
    }

    /// Runs `body` on a new detached thread.
    static func onThread(_ body: @escaping @Sendable () -> Void) {
        final class Box: Sendable {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        if rc == 0 {
            pthread_detach(thread)
        } else {
            // No thread to be had: run it here rather than never.
            Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
        }
    }
}

/// A NULL-terminated array of C strings, for argv and envp.
private struct CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    func free() {
        for pointer in pointers { Glibc.free(pointer) }
    }
}
