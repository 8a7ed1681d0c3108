import ArenaCore
import ArenaFuzz
import ArenaTestTraits
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
            newBattle: { .named(["hidden-one", "hidden-two"], id: "loop") },
            runTurn: { request, sink in
                recorder.requests.withLock { $0.append(request) }
                for seat in 0..<2 {
                    for word in ["streamed ", "answer ", "\(seat)"] { sink.post(seat: seat, .text(word)) }
                    sink.post(seat: seat, .finished(.stop))
                }
            },
            saveVerdict: { submission in
                recorder.submissions.withLock { $0.append(submission) }
                return VerdictReceipt(verdictCount: 1, reveals: submission.battle.seats.map {
                    SeatReveal(modelName: $0.model.name, timeToFirstTokenMilliseconds: 5)
                })
            })
    }


    @Test(.timeLimit(.minutes(1)))
    func typeStreamVoteRevealQuit() async throws {
        let terminal = InMemoryTerminal(width: 80, height: 16)
        let recorder = Recorder()
        let run = Task {
            try await ArenaScreen.run(environment: Self.environment(recorder), theme: .plain, terminal: { terminal })
        }
        #expect(await terminal.waitFor { $0.contains("╭ B ") })
        terminal.type("hello there\r")
        #expect(await terminal.waitFor { $0.contains("Vote:") && $0.contains("streamed answer 1") })
        #expect(!terminal.lines.joined().contains("hidden-"))
        terminal.type("b")
        #expect(await terminal.waitFor { $0.contains("hidden-two") && $0.contains("1 verdict") })
        terminal.resize(width: 50, height: 12)
        #expect(await terminal.waitFor { $0.contains("streamed answer 1") && $0.contains("1 verdict") })
        terminal.type("qq")
        let final = try await run.value
        #expect(final.hasQuit)
        #expect(recorder.requests.withLock { $0.map(\.prompt) } == ["hello there"])
        #expect(recorder.submissions.withLock { $0.map(\.choice) } == [.seat(1)])
    }

    /// Store writes are performed one at a time, in order: a verdict is never saved before the turn
    /// it judges, however slow that save is.
    @Test(.timeLimit(.minutes(1)))
    func aVerdictWaitsForItsTurnToBeSaved() async throws {
        let terminal = InMemoryTerminal(width: 80, height: 16)
        let order = Mutex<[String]>([])
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let environment = ArenaScreenEnvironment(
            store: StoreStatus(path: "/tmp/store.sqlite", verdictCount: 0),
            newBattle: { .named(["hidden-one", "hidden-two"], id: "ordered") },
            runTurn: { _, sink in
                for seat in 0..<2 { sink.post(seat: seat, .text("answer \(seat)")); sink.post(seat: seat, .finished(.stop)) }
            },
            saveTurn: { submission in
                for await _ in gate { break }   // held until the test opens the gate
                order.withLock { $0.append("turn \(submission.turn)") }
                return nil
            },
            saveVerdict: { submission in
                order.withLock { $0.append("verdict \(submission.turn)") }
                return VerdictReceipt(verdictCount: 1, reveals: [])
            })
        let run = Task { try await ArenaScreen.run(environment: environment, theme: .plain, terminal: { terminal }) }
        #expect(await terminal.waitFor { $0.contains("╭ B ") })
        terminal.type("go\r")
        #expect(await terminal.waitFor { $0.contains("Vote:") && $0.contains("answer 1") })
        terminal.type("a")
        #expect(await terminal.waitFor { $0.contains("Saving the verdict") })
        #expect(order.withLock { $0 }.isEmpty)   // the verdict is queued behind its turn's save
        opener.yield()
        #expect(await terminal.waitFor { $0.contains("1 verdict") })
        #expect(order.withLock { $0 } == ["turn 0", "verdict 0"])
        terminal.type("qq")
        _ = try await run.value
    }

    /// The frame cap on a manual clock: however much changes, no frame is drawn until 16 ms of
    /// clock time have passed since the last one, and then exactly one.
    @Test(.timeLimit(.minutes(1)))
    func atMostOneFramePerIntervalOfClockTime() async throws {
        let terminal = InMemoryTerminal(width: 80, height: 16)
        let clock = ManualClock()
        let frames = Mutex(0)
        let (drawn, signal) = AsyncStream<Int>.makeStream()
        var options = ScreenRunLoop.Options()
        options.clock = ArenaClock(clock)
        options.frameObserver = { _ in signal.yield(frames.withLock { $0 += 1; return $0 }) }
        var drawnFrames = drawn.makeAsyncIterator()
        let run = Task {
            try await ArenaScreen.run(environment: Self.environment(Recorder()), theme: .plain, options: options,
                                      terminal: { terminal })
        }
        #expect(await drawnFrames.next() == 1)          // the first frame at once
        terminal.type("abc")                            // three changes, clock still at 0
        await terminal.idlePolls(more: 3)
        #expect(frames.withLock { $0 } == 1)
        clock.advance(by: .milliseconds(15))
        await terminal.idlePolls(more: 3)
        #expect(frames.withLock { $0 } == 1)                      // 15 ms: still capped
        clock.advance(by: .milliseconds(1))
        #expect(await drawnFrames.next() == 2)          // 16 ms: one frame, with everything typed
        #expect(terminal.lines.joined().contains("abc"))
        await terminal.idlePolls(more: 3)
        #expect(frames.withLock { $0 } == 2)                      // nothing changed since: no frame
        terminal.type("\u{03}")
        terminal.type("\u{03}")
        clock.advance(by: .seconds(1))
        _ = try await run.value
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
        #expect(await terminal.waitFor { $0.contains("╭ B ") })
        quit.set()
        #expect(try await run.value.hasQuit)
    }
}

final class QuitFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
