import ArenaCore
import ArenaTestTraits
import Foundation
import Testing

/// The one battle: a turn streamed into ArenaCore's `LiveTurn`, event by event, becomes the
/// battle's `BattleTurn` — what the screen shows, what the store keeps and what is ranked.
@Suite struct LiveTurnTests {
    static func battle(systemPrompt: String? = nil, prices: [Price?] = [nil, nil]) -> Battle {
        let seats = prices.enumerated().map { index, price in
            Seat(index: index, model: ModelConfig(name: "m\(index)", baseURL: URL(string: "http://127.0.0.1:1/v1")!,
                                                  model: "id-\(index)", price: price))
        }
        return Battle(createdAt: Date(timeIntervalSince1970: 100), mode: .screen, blind: true, systemPrompt: systemPrompt, seats: seats)
    }

    @Test func eventsApplyOnceAndNothingAfterTheEnd() {
        var live = Self.battle().beginTurn(prompt: "hi", at: Date(timeIntervalSince1970: 200))
        let applied = [live.apply(.text("Hel"), seat: 0), live.apply(.text("lo"), seat: 0), live.apply(.finished(.stop), seat: 0),
                       live.apply(.text(" again"), seat: 0), live.apply(.text("x"), seat: 7)]
        #expect(applied == [true, true, true, false, false])
        #expect(live.answers[0].text == "Hello")
        #expect(!live.isComplete)
        live.apply(.failed(ProviderError(.serverError, "boom", status: 500)), seat: 1)
        #expect(live.isComplete)
        let turn = live.turn(seats: Self.battle().seats)
        #expect(turn.answers.map(\.text) == ["Hello", ""])
        #expect(turn.answers.map(\.finishReason) == [.stop, .error])
        #expect(turn.answers[1].error?.status == 500)
        #expect(turn.createdAt == Date(timeIntervalSince1970: 200))
    }

    @Test func timingAndPriceBecomeTheStoredMetrics() {
        var battle = Self.battle(prices: [Price(input: 1, output: 2), nil])
        var live = battle.beginTurn(prompt: "hi", at: Date())
        live.apply(.text("one two three"), seat: 0)
        live.apply(.usage(TokenUsage(inputTokens: 1_000_000, outputTokens: 500_000)), seat: 0)
        live.record(AnswerTiming(ttftMs: 120, durationMs: 900), seat: 0)
        live.apply(.finished(.stop), seat: 0)
        live.record(AnswerTiming(ttftMs: 1, durationMs: 2), seat: 0)   // after the end: ignored
        live.apply(.text("x"), seat: 1)
        live.apply(.finished(.stop), seat: 1)
        battle.append(live)
        let metrics = battle.turns[0].answers.map(\.metrics)
        #expect(metrics[0].ttftMs == 120 && metrics[0].durationMs == 900)
        #expect(metrics[0].costUSD == 2.0)   // 1M input at $1/M + 0.5M output at $2/M
        #expect(metrics[0].tokensEstimated == false)
        #expect(metrics[1].ttftMs == nil && metrics[1].costUSD == nil && metrics[1].tokensEstimated)
    }

    @Test func eachSeatIsSentItsOwnConversationAfterTheSystemPrompt() {
        var battle = Self.battle(systemPrompt: "Be brief.")
        var first = battle.beginTurn(prompt: "one", at: Date())
        first.apply(.text("A1"), seat: 0); first.apply(.finished(.stop), seat: 0)
        first.apply(.text("B1"), seat: 1); first.cancel()
        battle.append(first)
        let second = battle.beginTurn(prompt: "two", at: Date())
        #expect(second.index == 1)
        #expect(second.conversations[0].map(\.content) == ["Be brief.", "one", "A1", "two"])
        #expect(second.conversations[1].map(\.content) == ["Be brief.", "one", "B1", "two"])
        #expect(second.conversations[1].map(\.role) == [.system, .user, .assistant, .user])
        #expect(battle.turns[0].answers[1].finishReason == .cancelled)
    }

    @Test func whoCannotWinWhileAndAfterStreaming() {
        var live = LiveAnswer()
        #expect(live.cannotWinReason == "is still answering")
        live.apply(.text(" \n "))
        live.apply(.finished(.stop))
        #expect(live.cannotWinReason == "gave an empty answer")
        var cancelled = LiveAnswer()
        cancelled.apply(.text("partial"))
        cancelled.apply(.failed(ProviderError(.cancelled, "cancelled")))
        #expect(cancelled.cannotWinReason == "was cancelled")
        var fine = LiveAnswer()
        fine.apply(.retrying(attempt: 1, delaySeconds: 0.5, reason: ProviderError(.rateLimited, "slow down", status: 429)))
        #expect(fine.retry?.attempt == 1 && fine.retry?.delaySeconds == 0.5)
        fine.apply(.text("ok"))
        #expect(fine.retry == nil && fine.started)
        fine.apply(.finished(.stop))
        #expect(fine.cannotWinReason == nil)
        #expect(fine.answer(seatIndex: 0, prompt: [], price: nil).canWin)
    }

    /// The leak rule is one function: a seat that names a vendor only while reasoning is flagged
    /// in the turn's leaks and in the battle's stored words alike.
    @Test func aReasoningOnlyLeakIsALeak() {
        var battle = Self.battle()
        var live = battle.beginTurn(prompt: "who are you?", at: Date())
        live.apply(.reasoning("As Claude, I should not say so."), seat: 0)
        live.apply(.text("I am an assistant."), seat: 0)
        live.apply(.text("I am made by OpenAI and I am ChatGPT."), seat: 1)
        live.apply(.finished(.stop), seat: 0)
        live.apply(.finished(.stop), seat: 1)
        battle.append(live)
        #expect(battle.turns[0].leaks == [SeatLeak(seat: 0, words: ["claude"]), SeatLeak(seat: 1, words: ["openai", "chatgpt"])])
        #expect(battle.leakedWords == ["claude", "openai", "chatgpt"])
    }

    /// An oracle over seeded random event sequences: folding through `LiveTurn` gives, per seat,
    /// the concatenation of that seat's text pieces up to its first terminal event — nothing from
    /// another seat, nothing after the end.
    @Test(.ownThread) func randomInterleavingsFoldEachSeatAlone() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let seats = Int.random(in: 1...8, using: &random)
            let battle = Self.battle(prices: Array(repeating: nil, count: seats))
            var live = battle.beginTurn(prompt: "p", at: Date())
            var expected = Array(repeating: "", count: seats)
            var ended = Array(repeating: false, count: seats)
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                let seat = Int.random(in: 0..<seats, using: &random)
                let roll = Int.random(in: 0..<10, using: &random)
                let event: StreamEvent = roll == 0 ? .finished(.stop) : roll == 1 ? .failed(ProviderError(.network, "reset"))
                    : .text(String(repeating: "\(seat)", count: Int.random(in: 0...3, using: &random)))
                if !ended[seat], case .text(let piece) = event { expected[seat] += piece }
                if roll <= 1 { ended[seat] = true }
                live.apply(event, seat: seat)
            }
            #expect(live.answers.map(\.text) == expected)
            #expect(live.isComplete == ended.allSatisfy { $0 })
            #expect(live.turn(seats: battle.seats).answers.map(\.text) == expected)
        }
    }
}
