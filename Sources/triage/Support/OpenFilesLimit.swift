import Glibc

/// The open-files limit Triage needs, checked once at start.
///
/// Running out of descriptors halfway is worse than refusing at once: libdispatch, which
/// URLSession and the signal sources use, sets up its event loop lazily and traps when it gets no
/// descriptor (seen as SIGILL under `ulimit -n 12`), and every failure after that would be
/// Triage's own, not the device's. So the soft limit is raised as far as the hard limit allows, and
/// a process that still may open fewer than `minimum` files is refused with what to do.
enum OpenFilesLimit {
    /// One diagnosis uses about 15 descriptors (store and its journal files, the SSH socket,
    /// known_hosts, dispatch's event loop); twice that leaves room for delivery over HTTP.
    static let minimum: rlim_t = 32
    /// Raised to at most this: enough for many sessions, far below what the kernel allows.
    static let wanted: rlim_t = 4096

    /// Raises the soft limit toward the hard one; throws when the result is under `minimum`.
    static func ensure() throws(CLIError) {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        if limit.rlim_cur < wanted, limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, wanted)
            if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        guard limit.rlim_cur >= minimum else {
            throw CLIError.failure("""
                Triage may have only \(limit.rlim_cur) open files at once (ulimit -n) and needs at least \
                \(minimum). This is the controller, not a device: raise the limit (ulimit -n 1024) and retry.
                """)
        }
    }

    /// Descriptors one SSH session may hold at once: its socket, and known_hosts and the secret
    /// file while logging in.
    static let perSession: rlim_t = 4

    /// Refuses a concurrency the open-files limit cannot carry: a session that finds no descriptor
    /// would fail on Triage's side for a device that is fine.
    static func check(concurrency: Int) throws(CLIError) {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let needed = rlim_t(concurrency) * perSession + 2 * minimum
        guard needed <= limit.rlim_cur else {
            let fits = limit.rlim_cur > 2 * minimum ? (limit.rlim_cur - 2 * minimum) / perSession : 0
            throw CLIError.usage("""
                --concurrency \(concurrency) needs about \(needed) open files, and Triage may have \(limit.rlim_cur) \
                (ulimit -n). Use --concurrency \(fits) or less, or raise the limit (ulimit -n \(needed)).
                """)
        }
    }
}
