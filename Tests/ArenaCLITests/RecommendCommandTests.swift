import ArenaTestTraits
import ArenaCore
import ArenaStore
import Foundation
import Testing

@Suite("arena recommend", .timeLimit(.minutes(1)), .ownThread)
struct RecommendCommandTests {
    /// A suite of `prompts` prompts; tiny ($0.1/M), mid ($1/M), big ($10/M), each answered twice per
    /// prompt (100 input + 100 output tokens). Marks agree within a prompt: tiny is adequate on 60%
    /// of prompts, mid on all but one of those it was judged on (the first `midJudged`), big on all.
    /// Judged battles against big, one per prompt: mid wins 45%, ties 30%, loses 25%; tiny wins 10%.
    static func prepare(prompts: Int = 200, midJudged: Int? = nil, prices: Bool = true) throws -> ArenaProcess {
        let arena = ArenaProcess()
        func price(_ value: Double) -> String { prices ? ", price: { input: \(value), output: \(value) }" : "" }
        try arena.writeConfig("""
            models:
              - { name: tiny, base_url: "http://127.0.0.1:9/v1", model: t\(price(0.1)) }
              - { name: mid, base_url: "http://127.0.0.1:9/v1", model: m\(price(1)) }
              - { name: big, base_url: "http://127.0.0.1:9/v1", model: b\(price(10)) }
            """)
        let suite = "name: s\nprompts:\n" + (0..<prompts).map { "  - id: p\($0)\n    text: Question \($0)?\n" }.joined()
        try suite.write(to: arena.home.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let store = try BattleStore(path: arena.storePath)
        var generator = SeededGenerator(seed: 21)
        var clock = Date(timeIntervalSince1970: 1_800_000_000)
        func tick() -> Date { clock += 1; return clock }
        let order = (0..<prompts).shuffled(using: &generator)
        for model in ["tiny", "mid", "big"] {
            for (position, prompt) in order.enumerated() {
                let adequate: Bool
                switch model {
                case "tiny": adequate = prompt % 5 < 3
                case "mid": adequate = prompt != order[prompts - 1]
                default: adequate = true
                }
                for index in 0..<2 {
                    let key = RunAnswer.Key(suite: "s", promptID: "p\(prompt)", repeatIndex: index, model: model)
                    try store.save(runAnswer: RunAnswer(key: key, provider: .openai, modelID: model, promptFingerprint: "f",
                                                        conversation: [ChatMessage(role: .user, content: "Question?")],
                                                        answer: Answer(seatIndex: 0, text: "answer", finishReason: .stop,
                                                                       metrics: AnswerMetrics(ttftMs: Double(100 + index), durationMs: 900,
                                                                                              inputTokens: 100, outputTokens: 100)),
                                                        createdAt: tick()))
                    if model == "mid", let judged = midJudged, position >= judged { continue }
                    try store.save(adequacy: AdequacyMark(key: key, rater: "r", adequate: adequate, createdAt: tick()))
                }
            }
        }
        for model in ["mid", "tiny"] {
            for (position, prompt) in order.enumerated() {
                let seats = [model, "big"].enumerated().map { Seat(index: $0.offset, model: ModelConfig(name: $0.element, baseURL: URL(string: "run://x")!, model: $0.element)) }
                var battle = Battle(createdAt: tick(), mode: .run, blind: true, systemPrompt: nil, seats: seats,
                                    turns: [BattleTurn(index: 0, prompt: "Question?", createdAt: clock,
                                                       answers: [Answer(seatIndex: 0, text: "a", finishReason: .stop),
                                                                 Answer(seatIndex: 1, text: "b", finishReason: .stop)])])
                battle.origin = BattleOrigin(suite: "s", promptID: "p\(prompt)", repeatIndex: 0)
                try store.save(battle: battle, turn: 0)
                let share = Double(position % 20) / 20
                let verdict: Verdict = model == "mid"
                    ? (share < 0.45 ? .seat(0) : share < 0.75 ? .tie : .seat(1))
                    : (share < 0.1 ? .seat(0) : .seat(1))
                try store.save(verdict: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: verdict, rater: "r", createdAt: tick()))
            }
        }
        return arena
    }

    static func line(_ output: String, _ prefix: String) -> String {
        output.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
    }

    @Test func namesTheCheapestAdequateModelWithTheBoundBehindIt() async throws {
        let arena = try Self.prepare()
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let result = try await arena.run(["recommend", suite, "--bar", "adequate>=0.9", "--plot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Cheapest adequate model for s: mid at $0.2 per 1,000 prompts"), "\(result.stdout)")
        #expect(Self.line(result.stdout, "tiny").contains("not adequate"))
        // By prompt: 199 of 200 prompts adequate, whatever the 400 marks say.
        #expect(Self.line(result.stdout, "mid").contains("100% (96–100%, 200 prompts)"), "\(result.stdout)")
        #expect(result.stdout.contains("anytime-valid 98.33% bound (95% jointly over 3 models)"))
        #expect(result.stdout.contains("holds unless"))
        #expect(result.stdout.contains("★"))  // the plot's frontier
    }

    @Test func nonInferiorityAgainstTheIncumbentNeverNamesTheIncumbent() async throws {
        let arena = try Self.prepare()
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let result = try await arena.run(["recommend", suite, "--bar", "vs=big,noninferior=0.1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Cheapest adequate model for s: mid"), "\(result.stdout)")
        #expect(Self.line(result.stdout, "big").contains("reference"))
        #expect(Self.line(result.stdout, "tiny").contains("not adequate"))
        // mid: 45% wins + 30% ties as half = 60%.
        #expect(Self.line(result.stdout, "mid").contains("60% ("), "\(result.stdout)")
        // A bar nobody clears keeps the incumbent rather than naming it.
        let strict = try await arena.run(["recommend", suite, "--bar", "vs=big,winrate>=0.7"])
        #expect(strict.stdout.contains("No model is shown to be adequate for s yet: keep big"), "\(strict.stdout)")
        #expect(!strict.stdout.contains("Cheapest adequate"))
    }

    @Test func undecidedSaysHowManyMorePromptsToJudge() async throws {
        let arena = try Self.prepare(midJudged: 20)
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let result = try await arena.run(["recommend", suite, "--bar", "adequate>=0.9"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Cheapest adequate model for s: big"), "\(result.stdout)")
        #expect(result.stdout.contains("Cheaper but undecided:\n  mid: about "), "\(result.stdout)")
        #expect(result.stdout.contains("more prompts to judge (") && result.stdout.contains("waiting) — arena judge s"), "\(result.stdout)")
    }

    @Test func aSuiteTooSmallToDecideSaysToAddPrompts() async throws {
        let arena = try Self.prepare(prompts: 20)
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let result = try await arena.run(["recommend", suite, "--bar", "adequate>=0.9"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No model is adequate for s yet"), "\(result.stdout)")
        #expect(result.stdout.contains("the suite has 20: add about"), "\(result.stdout)")
        #expect(result.stdout.contains("repeats of the same prompts cannot decide it"))
        #expect(!result.stdout.contains("arena judge s"))
    }

    @Test func withoutPricesNothingIsCalledCheaper() async throws {
        let arena = try Self.prepare(midJudged: 20, prices: false)
        let suite = arena.home.appendingPathComponent("s.yaml").path
        let result = try await arena.run(["recommend", suite, "--bar", "adequate>=0.9"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Cheapest adequate model for s: big (no price in the config)"), "\(result.stdout)")
        #expect(!result.stdout.contains("Cheaper but undecided"))
        #expect(result.stdout.contains("Undecided, with no price to compare: mid"))
    }

    @Test func badBarsAreBadInput() async throws {
        let arena = ArenaProcess()
        for bar in ["adequate>=2", "vs=big,noninferior=0.6", "vs=,winrate>=0.4"] {
            let result = try await arena.run(["recommend", "s", "--bar", bar])
            #expect(result.status == 2 && result.stderr.contains("--bar \(bar)") && result.stderr.contains("noninferior"), "\(result.stderr)")
        }
    }
}
