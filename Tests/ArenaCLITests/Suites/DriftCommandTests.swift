@testable import ArenaCLI
import ArenaCore
import ArenaStore
import ArenaTestSupport
import Foundation
import Testing

/// `arena drift`: the model is asked again, its new answers stored beside the old ones under a
/// dated name for blind judging, and `--report` says changed / unchanged / undecided from the
/// judged pairs, with the anytime-valid rule.
@Suite("arena drift", .timeLimit(.minutes(2)))
struct DriftCommandTests {
    static func suite(_ arena: ArenaProcess) throws {
        try arena.writeSuite("s", "name: s\nprompts:\n  - { id: p1, text: First? }\n  - { id: p2, text: Second? }\n")
    }

    /// Judged pairs of `m` against `m@v2` as `arena judge` stores them; `nowWins`, `ties` of `count`.
    static func judged(count: Int, nowWins: Int, ties: Int) -> [StoredBattle] {
        (0..<count).map { index in
            let created = Date(timeIntervalSince1970: 1_700_000_000 + Double(index))
            let names = index % 2 == 0 ? ["m", "m@v2"] : ["m@v2", "m"]  // seats shuffled
            var battle = Battle(createdAt: created, mode: .run, blind: true, systemPrompt: nil, seats: names.enumerated().map {
                Seat(index: $0.offset, model: ModelConfig(name: $0.element, baseURL: URL(string: "run://stored")!, model: "id-m"))
            })
            battle.origin = BattleOrigin(suite: "s", promptID: index % 2 == 0 ? "p1" : "p2", repeatIndex: 0)
            battle.turns = [BattleTurn(index: 0, prompt: "q", createdAt: created,
                                       answers: [Answer(seatIndex: 0, text: "a", finishReason: .stop), Answer(seatIndex: 1, text: "b", finishReason: .stop)])]
            let nowSeat = names.firstIndex(of: "m@v2")!
            let verdict: Verdict = index < nowWins ? .seat(nowSeat) : (index < nowWins + ties ? .tie : .seat(1 - nowSeat))
            return StoredBattle(battle: battle, verdicts: [0: VerdictRecord(battleID: battle.id, turnIndex: 0, verdict: verdict,
                                                                            rater: "ana", createdAt: created)], leakedWords: [])
        }
    }

    @Test func reRunsTheModelUnderADatedNameAndReportsTheDecision() async throws {
        let version = Locked("Old answer.")
        let server = try await LocalStreamingServer.start { _ in .openAIChat([version.value]) }
        let arena = ArenaProcess(extraEnvironment: ["ARENA_TEST_KEY": "k"])
        try arena.writeConfig(AskCommandTests.config(server, names: ["m"]))
        try Self.suite(arena)

        let missing = try await arena.run(["drift", "s", "--model", "m"])
        #expect(missing.status == 2 && missing.stderr.contains("no stored answers of m in s"))
        #expect(try await arena.run(["run", "s", "--models", "m"]).status == 0)
        version.update { $0 = "New answer." }
        let drift = try await arena.run(["drift", "s", "--model", "m", "--label", "v2"])
        #expect(drift.status == 0, "\(drift.stderr)")
        #expect(drift.stdout.contains("arena judge s --models m,m@v2"))
        let answers = try BattleStore(path: arena.storePath).runAnswers(suite: "s")
        #expect(Dictionary(grouping: answers, by: \.key.model).mapValues { $0.map(\.answer.text) }
                == ["m": ["Old answer.", "Old answer."], "m@v2": ["New answer.", "New answer."]])
        // Run again: nothing left to do, nothing overwritten.
        #expect(try await arena.run(["drift", "s", "--model", "m", "--label", "v2"]).stdout.contains("nothing to do"))

        let store = try BattleStore(path: arena.storePath)
        _ = try store.importBattles(Self.judged(count: 60, nowWins: 50, ties: 4))
        let report = try await arena.run(["drift", "s", "--model", "m", "--report"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("m@v2 against m's stored answers: won 86.7%"), "\(report.stdout)")
        #expect(report.stdout.contains("decision: changed: better now"))
    }

    @Test func unchangedNeedsTheIntervalInsideTheMarginAndFewJudgementsStayUndecided() {
        let few = DriftReport(battles: Self.judged(count: 20, nowWins: 8, ties: 4), model: "m", label: nil, margin: 0.1)
        #expect(few.decision == .undecided)
        #expect(few.versions?.now == "m@v2" && few.scores.count == 20)
        let many = DriftReport(battles: Self.judged(count: 600, nowWins: 0, ties: 600), model: "m", label: nil, margin: 0.1)
        #expect(many.decision == .unchanged)
        let worse = DriftReport(battles: Self.judged(count: 60, nowWins: 5, ties: 5), model: "m", label: nil, margin: 0.1)
        #expect(worse.decision == .worse)
        #expect(DriftReport(battles: Self.judged(count: 10, nowWins: 5, ties: 0), model: "m", label: "other", margin: 0.1).versions == nil)
    }
}
