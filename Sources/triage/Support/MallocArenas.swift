import CMallocArenas
import Foundation

/// Fewer glibc malloc arenas for the long-running commands (`triage sweep`, `triage serve`).
///
/// glibc gives a thread that finds the arenas busy an arena of its own, up to eight per core; a
/// sweep's 64 SSH session threads spread over 16, and each arena keeps its own high-water mark
/// of freed memory. Two arenas (one per core here) lowered a 1000-device sweep's peak by 3.7 MB
/// (Docs/benchmarks.md, r4 and r5). It must run before the session threads start: glibc fixes
/// its arena limit once more than eight arenas exist.
enum MallocArenas {
    static let count: Int32 = 2

    /// Caps the arenas at `count`, unless the operator chose a number (`MALLOC_ARENA_MAX`,
    /// which glibc reads itself).
    static func limit() {
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return }
        // mallopt fails only for a bad parameter; without it the default arenas stay, which works.
        _ = triage_limit_malloc_arenas(count)
    }
}
