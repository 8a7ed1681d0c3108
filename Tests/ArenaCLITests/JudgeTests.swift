@testable import ArenaCLI
import ArenaCore
import ArenaStore
import ArenaUI
import ArenaTestSupport
import Foundation
import Testing

@Suite("Judge mode", .timeLimit(.minutes(1)))
struct JudgeTests {
    static let suite = PromptSuite(name: "s", system: "Be brief.", prompts: [
        SuitePrompt(id: "first", text: "First question?", notes: "Short is good."),
        SuitePrompt(id: "second", text: "Second question?"),
    ], source: "s.yaml")

    static func answer(_ prompt: String, _ model: String, failed: Bool = false) -> RunAnswer {
        let text = failed ? "" : "\(model) on \(prompt)"
        return RunAnswer(key: .init(suite: "s", promptID: prompt, repeatIndex: 0, model: model), provider: .openai, modelID: model,
                         promptFingerprint: "f", conversation: [ChatMessage(role: .system, content: "Be brief."),
                                                                ChatMessage(role: .user, content: "\(prompt) question?")],
                         answer: Answer(seatIndex: 0, text: text, finishReason: failed ? .error : .stop,
                                        error: failed ? ProviderError(.serverError, "down") : nil,
                                        metrics: AnswerMetrics(ttftMs: 100, durationMs: 500, outputTokens: 10, costUSD: 0.001)),
                         createdAt: Date())
    }

    static var answers: [RunAnswer] {
        ["first", "second"].flatMap { prompt in ["ant", "bee", "cat"].map { answer(prompt, $0, failed: prompt == "second" && $0 == "cat") } }
    }

    @Test func queueHasEveryUnjudgedPairWithoutFailures() {
        var queue = JudgeQueue(suite: Self.suite, answers: Self.answers, judged: [], order: .file)
        #expect(queue.models == ["ant", "bee", "cat"])
        #expect(queue.pending.count == 4)  // 3 pairs for "first", 1 for "second" (cat failed there)
        var generator = SeededGenerator(seed: 1)
        let first = queue.next(using: &generator)
        #expect(first?.origin.promptID == "first" && first?.first.key.model == "ant" && first?.second.key.model == "bee")
    }

    @Test func activeOrderPrefersThePairWithFewerVotes() throws {
        // ant-bee already judged many times: the next pick should involve cat.
        var queue = JudgeQueue(suite: Self.suite, answers: Self.answers, judged: [], order: .active)
        let antBee = try #require(queue.pending.first { $0.first.key.model == "ant" && $0.second.key.model == "bee" })
        for _ in 0..<40 { queue.record(antBee, winner: "ant", bothBad: false) }
        var generator = SeededGenerator(seed: 9)
        var catPicks = 0
        for _ in 0..<20 {
            var copy = queue
            if let item = copy.next(using: &generator), [item.first.key.model, item.second.key.model].contains("cat") { catPicks += 1 }
        }
        #expect(catPicks >= 15)
    }


    @Test func judgingVotesMarksUndoesAndStoresLinkedBattles() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("arena-judge-\(UUID().uuidString)/s.sqlite").path
        let store = try BattleStore(path: path)
        for answer in Self.answers { try store.save(runAnswer: answer) }
        let queue = JudgeQueue(suite: Self.suite, answers: try store.runAnswers(suite: "s"), judged: [], order: .file)
        let session = JudgeSession(suite: Self.suite, queue: queue, store: store, config: ArenaConfig(models: []), rater: "judge", seed: 4)
        let terminal = InMemoryTerminal(width: 110, height: 16)
        let environment = try session.environment()
        // Every frame is looked at on the screen's own thread as it is drawn: the undo's toast lasts
        // 2 s of the system clock, which a starved test task can miss between two looks.
        let undoneFrame = Locked(false)
        var options = ScreenRunLoop.Options()
        options.frameObserver = { _ in
            let screen = terminal.lines.joined(separator: "\n")
            if screen.contains("0 judged, 4 left") && screen.contains("│ 0 verdicts") && screen.contains("Undone") {
                undoneFrame.update { $0 = true }
            }
        }
        let frameOptions = options
        let run = Task { try await ArenaScreen.run(environment: environment, theme: .plain, options: frameOptions, terminal: { terminal }) }

        #expect(await terminal.waitFor { $0.contains("0 judged, 4 left") && $0.contains("Short is good.") })
        let screen = terminal.lines.joined(separator: "\n")
        #expect(screen.contains("ant on first") && screen.contains("bee on first"))
        #expect(!screen.contains("│ant") && !screen.contains(" ant ") , "a model name is shown as a title")
        terminal.type("i")  // the whole prompt and the notes, in a box
        #expect(await terminal.waitFor { $0.contains(" Prompt and notes ") && $0.contains("Notes for the judge:") })
        terminal.type(" ")
        #expect(await terminal.waitFor { !$0.contains(" Prompt and notes ") })
        terminal.type("+")  // seat A adequate
        #expect(await terminal.waitFor { $0.contains("A✓") })
        terminal.type("a")
        #expect(await terminal.waitFor { $0.contains("1 judged, 3 left") })
        #expect(await terminal.waitFor { $0.contains("│ 1 verdict ") })
        terminal.type("u")
        // Undo says so and the status line's count goes back, in the same frame: one event does both.
        await undoneFrame.wait { $0 }
        #expect(await terminal.waitFor { $0.contains("0 judged, 4 left") && $0.contains(" wins ") })
        for (judged, key) in ["t", "a", "x", "b"].enumerated() {
            #expect(await terminal.waitFor { $0.contains("\(judged) judged, \(4 - judged) left") && $0.contains(" wins ") })
            terminal.type(key)
        }
        // The end state: what would help next, and a single q quits.
        #expect(await terminal.waitFor {
            $0.contains("all 4 comparisons judged; for more, add answers: arena run s --repeat 2") && $0.contains("q quits")
        })
        terminal.type("ll")  // the suite's standings and cost-vs-quality plot
        #expect(await terminal.waitFor { $0.contains(" Leaderboard ") && $0.contains("adequate ≥ 90%") })
        terminal.type("x")
        terminal.type("q")
        _ = try await run.value

        let battles = try store.battles()
        #expect(battles.count == 4)
        #expect(battles.allSatisfy { $0.battle.mode == .run && $0.battle.origin?.suite == "s" && $0.verdicts[0]?.rater == "judge" })
        #expect(battles.compactMap { $0.verdicts[0]?.verdict }.map(\.code).sorted() == ["A", "B", "bad", "tie"])
        let marks = try store.adequacyMarks(suite: "s")
        #expect(marks.count == 1 && marks[0].adequate && marks[0].key.promptID == "first")
    }
}
