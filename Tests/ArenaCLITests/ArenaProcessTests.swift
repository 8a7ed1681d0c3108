import Foundation
import Testing

/// The helper that runs every CLI test's child: it must never hang on a child that writes a lot.
@Suite("Running a child process", .timeLimit(.minutes(1)))
struct ArenaProcessTests {
    /// 1 MiB on each pipe, standard error first: reading standard output to its end before standard
    /// error (as the old helper did) deadlocks here, with the child blocked on a full stderr pipe.
    @Test func aChildWritingAMebibyteToEachPipeCompletes() async throws {
        let script = "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o; exit 3"
        let result = try await ArenaProcess().run(["-c", script], binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 3)
        #expect(result.stdout.utf8.count == 1 << 20 && result.stdout.utf8.allSatisfy { $0 == UInt8(ascii: "o") })
        #expect(result.stderr.utf8.count == 1 << 20 && result.stderr.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    @Test func standardInputReachesTheChildAndSignalsAreReported() async throws {
        let arena = ArenaProcess(extraEnvironment: ["GREETING": "hello"])
        let echoed = try await arena.run(["-c", "cat; printf ' %s' \"$GREETING\""], stdin: "from stdin", binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(echoed.status == 0 && echoed.stdout == "from stdin hello" && echoed.stderr.isEmpty)
        let silent = try await arena.run(["-c", "cat"], binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(silent.status == 0 && silent.stdout.isEmpty)   // no stdin: end of file at once
    }

    /// A kill comes after its delay; a child that ends first is not waited for until the delay is
    /// over (the suite's time limit would fail it) and is not reported killed.
    @Test func killsAndInterruptsOnlyWhatStillRuns() async throws {
        let arena = ArenaProcess(), shell = URL(fileURLWithPath: "/bin/sh")
        let (slept, killed) = try await arena.runKilled(["-c", "echo started; exec sleep 600"], after: .milliseconds(100), binary: shell)
        #expect(killed && slept.status == 128 + SIGKILL && slept.stdout == "started\n")
        let (quick, spared) = try await arena.runKilled(["-c", "echo done"], after: .seconds(600), binary: shell)
        #expect(!spared && quick.status == 0 && quick.stdout == "done\n")
        let interrupted = try await arena.runInterrupted(["-c", "exec sleep 600"], binary: shell) { true }
        #expect(interrupted.status == 128 + SIGINT)
    }
}
