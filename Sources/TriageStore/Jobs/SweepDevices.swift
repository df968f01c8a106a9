/// The devices a sweep queues: each once, in the order given. Public so that every store backend
/// makes the same jobs from the same list.
public enum SweepDevices {
    public static func distinct(_ deviceIDs: [String]) -> [String] {
        var seen = Set<String>()
        return deviceIDs.filter { seen.insert($0).inserted }
    }
}
