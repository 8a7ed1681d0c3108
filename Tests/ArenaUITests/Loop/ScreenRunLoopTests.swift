import ArenaCore
import Synchronization
import Testing
@testable import ArenaUI

/// The real run loop on its own thread, over the in-memory terminal, with a scripted environment.
@Suite struct ScreenRunLoopTests {
    final class Recorder: Sendable {
        let submissions = Mutex<[VerdictSubmission]>([])
        let requests = Mutex<[TurnRequest]>([])
    }

    static func environment(_ recorder: Recorder) -> ArenaScreenEnvironment {
        ArenaScreenEnvironment(
            store: StoreStatus(path: "/tmp/store.sqlite", verdictCount: 0),
            newBattle: { BattleSetup(battleID: "loop", modelNames: ["hidden-one", "hidden-two"]) },
            runTurn: { request, sink in
                recorder.requests.withLock { $0.append(request) }
                for seat in 0..<2 {
                    for word in ["streamed ", "answer ", "\(seat)"] { sink.post(seat: seat, .text(word)) }
                    sink.post(seat: seat, .finished(.stop))
                }
            },
            saveVerdict: { submission in
                recorder.submissions.withLock { $0.append(submission) }
                return VerdictReceipt(verdictCount: 1, reveals: submission.seats.map {
                    SeatReveal(modelName: $0.modelName, timeToFirstTokenMilliseconds: 5)
                })
            })
    }

    static func waitFor(_ terminal: InMemoryTerminal, timeout: Duration = .seconds(30),
                        _ condition: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(terminal.lines.joined(separator: "\n")) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test(.timeLimit(.minutes(1)))
    func typeStreamVoteRevealQuit() async throws {
        let terminal = InMemoryTerminal(width: 80, height: 16)
        let recorder = Recorder()
        let run = Task {
            try await ArenaScreen.run(environment: Self.environment(recorder), theme: .plain, terminal: { terminal })
        }
        #expect(await Self.waitFor(terminal) { $0.contains("╭ B ") })
        terminal.type("hello there\r")
        #expect(await Self.waitFor(terminal) { $0.contains("Vote:") && $0.contains("streamed answer 1") })
        #expect(!terminal.lines.joined().contains("hidden-"))
        terminal.type("b")
        #expect(await Self.waitFor(terminal) { $0.contains("hidden-two") && $0.contains("1 verdict") })
        terminal.resize(width: 50, height: 12)
        #expect(await Self.waitFor(terminal) { $0.contains("streamed answer 1") && $0.contains("1 verdict") })
        terminal.type("qq")
        let final = try await run.value
        #expect(final.hasQuit)
        #expect(recorder.requests.withLock { $0.map(\.prompt) } == ["hello there"])
        #expect(recorder.submissions.withLock { $0.map(\.choice) } == [.seat(1)])
        #expect(terminal.flushCount < 200)   // frames are coalesced, not one per event
    }

    @Test(.timeLimit(.minutes(1)))
    func externalQuitLeavesTheLoop() async throws {
        let terminal = InMemoryTerminal(width: 60, height: 12)
        let quit = QuitFlag()
        var options = ScreenRunLoop.Options()
        options.externalQuit = { quit.isSet }
        let run = Task {
            try await ArenaScreen.run(environment: Self.environment(Recorder()), theme: .plain, options: options,
                                      terminal: { terminal })
        }
        #expect(await Self.waitFor(terminal) { $0.contains("╭ B ") })
        quit.set()
        #expect(try await run.value.hasQuit)
    }
}

final class QuitFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
