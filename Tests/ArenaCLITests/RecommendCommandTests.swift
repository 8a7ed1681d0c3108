import ArenaCore
import ArenaStore
import Foundation
import Testing

@Suite("arena recommend", .timeLimit(.minutes(1)))
struct RecommendCommandTests {
    /// tiny ($0.1/M), mid ($1/M), big ($10/M); 100 input + 100 output tokens per answer.
    static func prepare(midMarks: (adequate: Int, of: Int)) throws -> ArenaProcess {
        let arena = ArenaProcess()
        try arena.writeConfig("""
            models:
              - { name: tiny, base_url: "http://127.0.0.1:9/v1", model: t, price: { input: 0.1, output: 0.1 } }
              - { name: mid, base_url: "http://127.0.0.1:9/v1", model: m, price: { input: 1, output: 1 } }
              - { name: big, base_url: "http://127.0.0.1:9/v1", model: b, price: { input: 10, output: 10 } }
            """)
        try "name: s\nprompts:\n  - id: p\n    text: Question?\n".write(to: arena.home.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let store = try BattleStore(path: arena.storePath)
        var generator = SeededGenerator(seed: 21)
        let plan: [(String, Int, Int)] = [("tiny", 120, 200), ("mid", midMarks.adequate, midMarks.of), ("big", 199, 200)]
        for (model, adequate, total) in plan {
            var flags = Array(repeating: true, count: adequate) + Array(repeating: false, count: total - adequate)
            flags.shuffle(using: &generator)
            for (index, flag) in flags.enumerated() {
                let key = RunAnswer.Key(suite: "s", promptID: "p", repeatIndex: index, model: model)
                try store.save(runAnswer: RunAnswer(key: key, provider: .openai, modelID: model, promptFingerprint: "f",
                                                    conversation: [ChatMessage(role: .user, content: "Question?")],
                                                    answer: Answer(seatIndex: 0, text: "answer", finishReason: .stop,
                                                                   metrics: AnswerMetrics(ttftMs: Double(100 + index % 7), durationMs: 900,
                                                                                          inputTokens: 100, outputTokens: 100)),
                                                    createdAt: Date()))
                try store.save(adequacy: AdequacyMark(key: key, rater: "r", adequate: flag, createdAt: Date()))
            }
        }
        // Judged battles against big: mid wins or ties 40 of 60, tiny 10 of 60.
        for (model, good) in [("mid", 40), ("tiny", 10)] {
            for index in 0..<60 {
                let seats = [model, "big"].enumerated().map { Seat(index: $0.offset, model: ModelConfig(name: $0.element, baseURL: URL(string: "run://x")!, model: $0.element)) }
                var battle = Battle(createdAt: Date(), mode: .run, blind: true, systemPrompt: nil, seats: seats,
                                    turns: [BattleTurn(index: 0, prompt: "Question?", createdAt: Date(),
                                                       answers: [Answer(seatIndex: 0, text: "a", finishReason: .stop),
                                                                 Answer(seatIndex: 1, text: "b", finishReason: .stop)])])
                battle.origin = BattleOrigin(suite: "s", promptID: "p", repeatIndex: index)
                try store.save(battle: battle, turn: 0)
                let verdict: Verdict = index < good ? (index % 2 == 0 ? .seat(0) : .tie) : .seat(1)
                try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: verdict, rater: "r", createdAt: Date()))
            }
        }
        return arena
    }

    @Test func namesTheCheapestAdequateModel() async throws {
        let arena = try Self.prepare(midMarks: (195, 200))
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let result = try await arena.run(["recommend", suite, "--bar", "adequate>=0.9", "--plot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Cheapest adequate model for s: mid at $0.2 per 1,000 prompts"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first { $0.hasPrefix("tiny") }?.contains("not adequate") == true)
        #expect(lines.first { $0.hasPrefix("mid") }?.contains("98% (94–99%, n=200)") == true)
        #expect(result.stdout.contains("★"))  // the plot's frontier
        let both = try await arena.run(["recommend", suite, "--bar", "adequate>=0.9", "--bar", "vs=big,winrate>=0.45"])
        #expect(both.stdout.contains("Cheapest adequate model for s: mid"))
        #expect(both.stdout.contains("67% (54–77%, n=60)"))
    }

    @Test func undecidedSaysHowManyMoreJudgementsAndOnWhichModels() async throws {
        let arena = try Self.prepare(midMarks: (19, 20))
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let result = try await arena.run(["recommend", suite, "--bar", "adequate>=0.9"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Cheapest adequate model for s: big"))
        #expect(result.stdout.contains("Cheaper but undecided: mid (about"))
        #expect(result.stdout.contains("more judgements) — arena judge s"))
    }

    @Test func badBarsAreBadInput() async throws {
        let arena = ArenaProcess()
        let result = try await arena.run(["recommend", "s", "--bar", "adequate>=2"])
        #expect(result.status != 0 && result.stderr.contains("--bar adequate>=2"))
    }
}
