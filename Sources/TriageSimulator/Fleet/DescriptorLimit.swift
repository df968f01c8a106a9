import Glibc

/// Open files for a fleet: one listening socket per device, plus the connections and the pipes of
/// the commands running at once. The soft limit is raised toward the hard one as far as the fleet
/// needs; a fleet that cannot have them is refused at start rather than failing its clients later.
enum DescriptorLimit {
    /// Room for the connections served at once (a socket each) and their commands' pipes.
    static let headroom: rlim_t = 2048

    static func ensure(forDevices devices: Int) throws(SimulatorError) {
        let needed = rlim_t(devices) + headroom
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        guard limit.rlim_cur < needed else { return }
        var raised = limit
        raised.rlim_cur = min(limit.rlim_max, needed)
        if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        guard limit.rlim_cur >= needed else {
            throw SimulatorError("Serving \(devices) devices needs about \(needed) open files, and this process may "
                + "have only \(limit.rlim_cur) (hard limit \(limit.rlim_max)). Raise the limit (ulimit -n \(needed), "
                + "as root or in the service's LimitNOFILE) or serve fewer devices.")
        }
    }
}
