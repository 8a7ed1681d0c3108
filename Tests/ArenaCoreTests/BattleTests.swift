import ArenaCore
import Foundation
import Testing

@Suite("Battles, seats and verdicts")
struct BattleTests {
    static func model(_ name: String) -> ModelConfig {
        ModelConfig(name: name, baseURL: URL(string: "http://127.0.0.1:1/v1")!, model: name)
    }

    @Test func shuffleIsSeededAndCoversEveryOrder() {
        let models = ["a", "b", "c"].map(Self.model)
        var orders = Set<String>()
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let seats = SeatShuffler.seats(for: models, using: &generator)
            #expect(seats.map(\.label) == ["A", "B", "C"])
            #expect(Set(seats.map(\.model.name)) == ["a", "b", "c"])
            orders.insert(seats.map(\.model.name).joined())
        }
        #expect(orders.count == 6)
    }

    @Test(arguments: [("A", Verdict.seat(0)), ("b", .seat(1)), ("2", .seat(1)), ("tie", .tie), ("t", .tie),
                      ("bad", .bothBad), ("x", .bothBad), ("skip", .skip), ("s", .skip)])
    func parsesVotes(text: String, expected: Verdict) {
        #expect(Verdict(parsing: text, seatCount: 3) == expected)
        #expect(Verdict(code: expected.code) == expected)
    }

    @Test func rejectsVotesForMissingSeats() {
        #expect(Verdict(parsing: "D", seatCount: 3) == nil)
        #expect(Verdict(parsing: "4", seatCount: 3) == nil)
        #expect(Verdict(parsing: "maybe", seatCount: 3) == nil)
    }

    @Test func failedOrEmptyAnswersCannotWin() {
        #expect(Answer(seatIndex: 0, text: "hi", finishReason: .stop).canWin)
        #expect(!Answer(seatIndex: 0, text: "  ", finishReason: .stop).canWin)
        #expect(!Answer(seatIndex: 0, text: "partial", finishReason: .error,
                        error: ProviderError(.streamError, "boom")).canWin)
        #expect(Answer(seatIndex: 0, text: "partial", finishReason: .truncated).canWin)
    }

    /// A model that names itself only in its reasoning is identified all the same: the battle is
    /// flagged, so the store, the export and the ranking treat it as leaked.
    @Test func aReasoningOnlyLeakFlagsTheBattle() {
        let model = ModelConfig(name: "m", baseURL: URL(string: "http://127.0.0.1:1/v1")!, model: "m")
        var battle = Battle(createdAt: Date(), mode: .ask, blind: true, systemPrompt: nil,
                            seats: [Seat(index: 0, model: model), Seat(index: 1, model: model)])
        battle.turns = [BattleTurn(index: 0, prompt: "hi", createdAt: Date(), answers: [
            Answer(seatIndex: 0, text: "Hello!", reasoning: "As Claude, I should greet back.", finishReason: .stop),
            Answer(seatIndex: 1, text: "Hi.", finishReason: .stop),
        ])]
        #expect(battle.leakedWords == ["claude"])
    }

    @Test(arguments: [
        (Answer(seatIndex: 0, text: "ok", finishReason: .stop), nil),
        (Answer(seatIndex: 0, text: " \n", finishReason: .stop), "gave an empty answer"),
        (Answer(seatIndex: 0, text: "partial", finishReason: .cancelled), "was cancelled"),
        (Answer(seatIndex: 0, text: "x", finishReason: .error, error: ProviderError(.network, "reset")), "failed"),
    ] as [(Answer, String?)])
    func whoCannotWinAndWhy(answer: Answer, reason: String?) {
        #expect(answer.cannotWinReason == reason)
        #expect(answer.canWin == (reason == nil))
    }

    @Test func conversationHasEachSeatsOwnHistory() {
        var battle = Battle(createdAt: Date(), mode: .ask, blind: true, systemPrompt: "Be brief.",
                            seats: [Seat(index: 0, model: Self.model("a")), Seat(index: 1, model: Self.model("b"))])
        battle.turns = [BattleTurn(index: 0, prompt: "Hi", createdAt: Date(),
                                   answers: [Answer(seatIndex: 0, text: "Hello from A", finishReason: .stop),
                                             Answer(seatIndex: 1, text: "Hello from B", finishReason: .stop)])]
        let history = battle.conversation(forSeat: 1, through: 0)
        #expect(history.map(\.role) == [.system, .user, .assistant])
        #expect(history.last?.content == "Hello from B")
    }

    @Test func detectsIdentityWordsOnWholeWords() {
        #expect(IdentityLeakDetector.matches(in: "As an AI developed by OpenAI, I…") == ["openai"])
        #expect(IdentityLeakDetector.matches(in: "I am Claude.") == ["claude"])
        #expect(IdentityLeakDetector.matches(in: "Try GPT-4 or llama3") == ["gpt", "llama"])
        #expect(IdentityLeakDetector.matches(in: "The metadata of a gemstone").isEmpty)
        #expect(IdentityLeakDetector.matches(in: "").isEmpty)
    }

    @Test func tokenEstimateAndCost() {
        #expect(TokenEstimator.estimate("") == 0)
        #expect(TokenEstimator.estimate("abcd") == 1)
        #expect(TokenEstimator.estimate("abcdefgh") == 2)
        #expect(TokenEstimator.estimate("你好世界") == 4)
        let price = Price(input: 1.0, output: 2.0, cachedInput: 0.1)
        let cost = CostCalculator.cost(inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 250_000, price: price)
        #expect(abs((cost ?? 0) - (0.5 + 0.05 + 0.5)) < 1e-12)
        #expect(CostCalculator.cost(inputTokens: 10, cachedInputTokens: nil, outputTokens: 10, price: nil) == nil)
    }

    @Test func metricsGiveTokensPerSecondOverGenerationTime() {
        let metrics = AnswerMetrics(ttftMs: 500, durationMs: 2500, outputTokens: 41)
        #expect(metrics.tokensPerSecond == 20)
        #expect(AnswerMetrics(ttftMs: 500, durationMs: 500, outputTokens: 1).tokensPerSecond == nil)
    }
}

typealias SplitMix64 = SeededGenerator
