import ArenaCore
import ArenaProviders
import ArenaTestSupport
import ArenaTestTraits
import Foundation
import Testing

/// The client's time on a manual clock: timeouts fire when, and only when, their time has passed;
/// retries wait exactly the advised (or seeded backoff) time; cancellation alone ends a stuck
/// stream. No wall-clock sleeps, no timing bounds.
@Suite("Streaming over HTTP, on a manual clock", .timeLimit(.minutes(1)))
struct ModelClientTimingTests {
    static func model(_ server: LocalStreamingServer) -> ModelConfig { ModelClientTests.model(server) }

    static func collect(_ client: ModelClient, _ model: ModelConfig, limits: StreamLimits) async -> (AnswerAccumulator, [StreamEvent]) {
        await ModelClientTests.collect(client, model, limits: limits)
    }

    /// On a manual clock: the stall is detected when, and only when, the idle time has passed.
    @Test func stallPastTheIdleTimeoutFailsAndKeepsText() async throws {
        let server = try await LocalStreamingServer.start { _ in
            var response = ScriptedResponse.sse([#"{"choices":[{"index":0,"delta":{"content":"Start"},"finish_reason":null}]}"#], done: false)
            response.parts.append(.stall)
            return response
        }
        let clock = ManualClock()
        let client = ModelClient(clock: ArenaClock(clock))
        var events = client.stream(ChatRequest(model: Self.model(server), messages: [ChatMessage(role: .user, content: "Hi")]),
                                   limits: StreamLimits(firstTokenSeconds: 60, idleSeconds: 5, maxAttempts: 1)).makeAsyncIterator()
        #expect(await events.next() == .text("Start"))
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(4))            // not yet idle for 5 s: the watchdog sleeps on
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(2))
        let last = await events.next()
        guard case .failed(let error) = last else { Issue.record("\(String(describing: last))"); return }
        #expect(error.kind == .idleTimeout)
        #expect(error.message.contains("no data for 5 s"))
        #expect(await events.next() == nil)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func noAnswerWithinTheFirstTokenTimeout() async throws {
        let server = try await LocalStreamingServer.start { _ in
            ScriptedResponse(headers: [("Content-Type", "text/event-stream")], parts: [.stall])
        }
        let clock = ManualClock()
        let client = ModelClient(clock: ArenaClock(clock))
        let answer = Task { await Self.collect(client, Self.model(server), limits: StreamLimits(firstTokenSeconds: 30, maxAttempts: 1)) }
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(29))
        await clock.sleepers(atLeast: 1)          // 29 s in: the watchdog sleeps on
        clock.advance(by: .seconds(1))
        let (folded, _) = await answer.value
        #expect(folded.error?.kind == .firstTokenTimeout)
        #expect(folded.error?.message == "no answer within 30 s (first-token timeout)")
        try await client.shutdown()
        try await server.stop()
    }

    /// On a manual clock: the retry waits exactly the advised time, and only then asks again.
    @Test func rateLimitIsRetriedAfterTheAdvisedWaitAndShown() async throws {
        let calls = Locked(0)
        let server = try await LocalStreamingServer.start { _ in
            let call = calls.update { $0 += 1; return $0 }
            if call == 1 {
                return .json(429, #"{"error":{"message":"Rate limit reached","type":"rate_limit_exceeded"}}"#,
                             headers: [("retry-after-ms", "1500")])
            }
            return .openAIChat(["after retry"])
        }
        let clock = ManualClock()
        let client = ModelClient(clock: ArenaClock(clock))
        let run = Task { await Self.collect(client, Self.model(server), limits: StreamLimits(maxAttempts: 3)) }
        await Self.untilRetryWait(clock)
        clock.advance(by: .milliseconds(1499))
        #expect(server.requests.count == 1)       // not a moment early
        clock.advance(by: .milliseconds(1))
        let (answer, events) = await run.value
        #expect(answer.text == "after retry")
        #expect(answer.error == nil)
        let retries = events.compactMap { event -> Double? in
            if case .retrying(_, let delay, let reason) = event, reason.kind == .rateLimited { return delay }
            return nil
        }
        #expect(retries == [1.5])
        #expect(server.requests.count == 2)
        try await client.shutdown()
        try await server.stop()
    }

    /// Waits until the client sleeps in its retry wait: the attempt's own watchdog sleeps for at
    /// most 250 ms of clock time at once, a retry wait for longer.
    static func untilRetryWait(_ clock: ManualClock) async {
        await clock.sleeper(until: clock.now.advanced(by: .milliseconds(251)))
    }

    /// Backoff without advice: seeded jitter, so the waits repeat exactly.
    @Test func backoffWithoutAdviceIsSeededAndGrows() async throws {
        let server = try await LocalStreamingServer.start { _ in .json(503, #"{"error":{"message":"overloaded"}}"#) }
        let clock = ManualClock()
        let client = ModelClient(clock: ArenaClock(clock), random: RandomSource(seed: 9))
        let run = Task { await Self.collect(client, Self.model(server), limits: StreamLimits(maxAttempts: 3)) }
        for _ in 0..<2 {
            await Self.untilRetryWait(clock)
            clock.advance(by: .seconds(10))
        }
        let (answer, events) = await run.value
        #expect(answer.error?.status == 503)
        let delays = events.compactMap { event -> Double? in
            if case .retrying(_, let delay, _) = event { return delay }
            return nil
        }
        var expected = SeededGenerator(seed: 9)
        #expect(delays == [0.5 * Double.random(in: 0.8...1.2, using: &expected), 1.0 * Double.random(in: 0.8...1.2, using: &expected)])
        #expect(server.requests.count == 3)
        try await client.shutdown()
        try await server.stop()
    }

    @Test func cancellingTheRunnerEndsEveryStreamPromptlyKeepingText() async throws {
        let server = try await LocalStreamingServer.start { request in
            if request.uri.hasPrefix("/fast") { return .openAIChat(["Done."]) }
            var response = ScriptedResponse.sse([#"{"choices":[{"index":0,"delta":{"content":"Going"},"finish_reason":null}]}"#], done: false)
            response.parts.append(.stall)
            return response
        }
        let models = ["fast", "stuck"].map { name in
            ModelConfig(name: name, baseURL: server.baseURL.appendingPathComponent("\(name)/v1"), model: name)
        }
        let battle = Battle(createdAt: Date(), mode: .ask, blind: true, systemPrompt: nil,
                            seats: models.enumerated().map { Seat(index: $0.offset, model: $0.element) })
        // On a manual clock no timeout can end the stuck stream: only the cancellation can.
        let client = ModelClient(clock: ArenaClock(ManualClock()))
        let runner = BattleRunner(client: client, config: ArenaConfig(models: models))
        let progress = Locked((stuckHasText: false, fastDone: false))
        let (ready, signal) = AsyncStream<Void>.makeStream()
        let task = Task {
            await runner.run(battle: battle, prompt: "Hi") { seat, event in
                let both = progress.update { state -> Bool in
                    if seat == 1, case .text = event { state.stuckHasText = true }
                    if seat == 0, event.isTerminal { state.fastDone = true }
                    return state.stuckHasText && state.fastDone
                }
                if both { signal.yield() }
            }
        }
        for await _ in ready { break }
        task.cancel()
        let answers = await task.value
        #expect(answers.map(\.text) == ["Done.", "Going"])
        #expect(answers.map(\.finishReason) == [.stop, .cancelled])
        try await client.shutdown()
        try await server.stop()
    }

    /// The time to first token is reported as the first text arrives, before it, so a listener
    /// that cancels mid-answer (the screen's Esc) still has it; the whole timing comes before the end.
    @Test func timeToFirstTokenIsReportedBeforeTheFirstText() async throws {
        let server = try await LocalStreamingServer.start { _ in .openAIChat(["", "Hel", "lo"]) }
        let model = Self.model(server)
        let client = ModelClient(clock: ArenaClock(ManualClock()))
        let log = Locked([String]())
        await BattleRunner(client: client, config: ArenaConfig(models: [model])).stream(
            seats: [Seat(index: 0, model: model)], conversations: [[ChatMessage(role: .user, content: "Hi")]],
            onTiming: { _, timing in log.update { $0.append("timing ttft=\(timing.ttftMs.map { "\($0)" } ?? "-") total=\(timing.durationMs.map { "\($0)" } ?? "-")") } },
            onEvent: { _, event in
                switch event {
                case .text(let piece): log.update { $0.append("text \(piece)") }
                case .finished(let reason): log.update { $0.append("finished \(reason)") }
                default: break
                }
            })
        #expect(log.value == ["timing ttft=0.0 total=-", "text Hel", "text lo", "timing ttft=0.0 total=0.0", "finished stop"])
        try await client.shutdown()
        try await server.stop()
    }
}
