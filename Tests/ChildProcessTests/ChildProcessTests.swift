import ChildProcess
import Foundation
import Glibc
import Testing

@Suite("Child processes")
struct ChildProcessTests {
    @Test("stdout, stderr and the exit code are kept apart")
    func outputsAndExitCode() async throws {
        let run = try await ChildProcess.collect(
            executable: "/bin/sh", arguments: ["-c", "printf 'to out'; printf 'to err' >&2; exit 3"], environment: [:])
        #expect(String(decoding: run.standardOutput, as: UTF8.self) == "to out")
        #expect(String(decoding: run.standardError, as: UTF8.self) == "to err")
        #expect(run.termination == .exited(3))
        #expect(run.exitCode == 3)
        #expect(!run.endedByDeadline)
    }

    @Test("a large input and its echo pass each other without a deadlock")
    func largeInputEchoed() async throws {
        let input = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let run = try await ChildProcess.collect(executable: "/bin/cat", arguments: [], environment: [:], input: input)
        #expect(run.standardOutput == input)
        #expect(run.termination == .exited(0))
    }

    @Test("only the given environment reaches the child, and it starts in the given folder")
    func environmentAndFolder() async throws {
        let run = try await ChildProcess.collect(
            executable: "/bin/sh", arguments: ["-c", "echo \"$ONLY:${HOME-unset}\"; pwd"], environment: ["ONLY": "this"],
            workingDirectory: "/tmp")
        #expect(String(decoding: run.standardOutput, as: UTF8.self) == "this:unset\n/tmp\n")
    }

    @Test("a descriptor this process left open without close-on-exec does not reach the child")
    func noDescriptorInherited() async throws {
        let fd = open("/etc/hostname", O_RDONLY)
        try #require(fd > 2)
        defer { close(fd) }
        let run = try await ChildProcess.collect(
            executable: "/bin/sh", arguments: ["-c", "test -e /proc/self/fd/\(fd) && echo inherited || echo closed"],
            environment: [:])
        #expect(String(decoding: run.standardOutput, as: UTF8.self) == "closed\n")
    }

    @Test("a child ended by a signal reports the signal")
    func signalled() async throws {
        let run = try await ChildProcess.collect(executable: "/bin/sh", arguments: ["-c", "kill -TERM $$"], environment: [:])
        #expect(run.termination == .signaled(SIGTERM))
        #expect(run.exitCode == nil)
    }

    @Test("the deadline ends a child that would run on")
    func deadline() async throws {
        let run = try await ChildProcess.collect(
            executable: "/bin/sleep", arguments: ["60"], environment: [:], deadline: .milliseconds(300))
        #expect(run.endedByDeadline)
        #expect(run.termination == .signaled(SIGTERM))
    }

    @Test("enough output stops the child; every byte is counted, only the limit is kept")
    func stopAfterOutput() async throws {
        let run = try await ChildProcess.collect(
            executable: "/bin/sh", arguments: ["-c", "while :; do echo yyyyyyyyyyyyyyy; done"], environment: [:],
            outputLimit: 1000, stopAfterOutputBytes: 100_000)
        #expect(run.standardOutputBytes >= 100_000)
        #expect(run.standardOutput.count == 1000)
        #expect(run.termination == .signaled(SIGTERM))
        #expect(!run.endedByDeadline)
    }

    @Test("a child that exits while something it started still holds its output is not waited for forever")
    func grandchildHoldsOutput() async throws {
        let run = try await ChildProcess.collect(
            executable: "/bin/sh", arguments: ["-c", "sleep 60 & echo $!"], environment: [:])
        #expect(run.termination == .exited(0))
        let grandchild = try #require(Int32(String(decoding: run.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(grandchild, SIGKILL) == 0, "the grandchild was still running, holding the pipe")
    }

    @Test("a program that does not exist is an error that names it")
    func missingProgram() async throws {
        let error = await #expect(throws: ChildProcess.SpawnError.self) {
            try await ChildProcess.collect(executable: "/nonexistent/tool", arguments: [], environment: [:])
        }
        #expect(error?.description == "cannot start /nonexistent/tool: No such file or directory")
    }

    @Test("cancelling the task kills the child")
    func cancellation() async throws {
        let task = Task {
            try await ChildProcess.collect(executable: "/bin/sleep", arguments: ["60"], environment: [:])
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let run = try await task.value
        #expect(run.termination == .signaled(SIGKILL))
    }

    @Test("a started child is reaped by its waiter: signalling it afterwards reaches no one")
    func reapedOnce() async throws {
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(devNull) }
        let child = try ChildProcess(
            executable: "/bin/true", arguments: [], environment: [:],
            standardInput: devNull, standardOutput: devNull, standardError: devNull)
        #expect(await child.waitForTermination() == .exited(0))
        #expect(kill(child.processIdentifier, 0) == -1 && errno == ESRCH, "no zombie left behind")
        child.send(SIGKILL)  // after the exit: must not signal whatever reuses the pid
    }

    /// The failure this module replaced: under load, runs whose children exited while their
    /// output was still being read never returned. Hundreds of short runs at once must all end.
    @Test("hundreds of short runs at once all end, each with its own output")
    func manyAtOnce() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<32 {
                group.addTask {
                    for round in 0..<20 {
                        let text = "worker \(worker) round \(round)\n"
                        let run = try await ChildProcess.collect(
                            executable: "/bin/sh", arguments: ["-c", "cat; echo done >&2"], environment: [:],
                            input: Array(text.utf8))
                        #expect(String(decoding: run.standardOutput, as: UTF8.self) == text)
                        #expect(String(decoding: run.standardError, as: UTF8.self) == "done\n")
                        #expect(run.termination == .exited(0))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
