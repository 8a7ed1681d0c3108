import ArenaTestTraits
import ArenaCore
import ArenaRanking
import Foundation
import Testing
@testable import ArenaCLI

/// Which verdicts a head-to-head bar counts, and how: the leaderboard's exclusions, ties and
/// both-bad as half, every turn, one cluster per prompt.
@Suite(.ownThread) struct RecommendationEvidenceTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func battle(_ order: Int, prompt: String, seats: [String], blind: Bool = true, leaked: Bool = false,
                       answers: [[Answer]], verdicts: [Verdict], verdictBlind: Bool = true) -> StoredBattle {
        let seatList = seats.enumerated().map { Seat(index: $0.offset, model: ModelConfig(name: $0.element, baseURL: URL(string: "run://x")!, model: $0.element)) }
        let turns = answers.enumerated().map { BattleTurn(index: $0.offset, prompt: "q", createdAt: start, answers: $0.element) }
        var battle = Battle(createdAt: start, mode: .run, blind: blind, systemPrompt: nil, seats: seatList, turns: turns)
        battle.origin = BattleOrigin(suite: "s", promptID: prompt, repeatIndex: 0)
        var records: [Int: VerdictRecord] = [:]
        for (turn, verdict) in verdicts.enumerated() {
            let time = start.addingTimeInterval(Double(order * 10 + turn))
            records[turn] = VerdictRecord(battleID: battle.id, turnIndex: turn, verdict: verdict, rater: "r", createdAt: time, blind: verdictBlind)
        }
        return StoredBattle(battle: battle, verdicts: records, leakedWords: leaked ? ["gpt"] : [])
    }

    static func good(_ seats: Int) -> [Answer] { (0..<seats).map { Answer(seatIndex: $0, text: "ok", finishReason: .stop) } }

    @Test func countsWhatTheLeaderboardCountsAndNothingElse() {
        let battles = [
            // Counted: a win (1), a tie (½) and both-bad (½) on p1's two turns and p2; a loss (0) on p3.
            Self.battle(1, prompt: "p1", seats: ["m", "ref"], answers: [Self.good(2), Self.good(2)], verdicts: [.seat(0), .tie]),
            Self.battle(2, prompt: "p2", seats: ["ref", "m"], answers: [Self.good(2)], verdicts: [.bothBad]),
            Self.battle(3, prompt: "p3", seats: ["ref", "m"], answers: [Self.good(2)], verdicts: [.seat(0)]),
            // Not counted: leaked, not blind, a verdict given after the reveal, skipped, a failed
            // seat, an empty answer, a third seat winning, another suite's models.
            Self.battle(4, prompt: "x1", seats: ["m", "ref"], leaked: true, answers: [Self.good(2)], verdicts: [.seat(0)]),
            Self.battle(5, prompt: "x2", seats: ["m", "ref"], blind: false, answers: [Self.good(2)], verdicts: [.seat(0)]),
            Self.battle(6, prompt: "x3", seats: ["m", "ref"], answers: [Self.good(2)], verdicts: [.seat(0)], verdictBlind: false),
            Self.battle(7, prompt: "x4", seats: ["m", "ref"], answers: [Self.good(2)], verdicts: [.skip]),
            Self.battle(8, prompt: "x5", seats: ["m", "ref"],
                        answers: [[Answer(seatIndex: 0, text: "ok", finishReason: .stop),
                                   Answer(seatIndex: 1, text: "", finishReason: .truncated, error: ProviderError(.serverError, "500", status: 500))]],
                        verdicts: [.seat(0)]),
            Self.battle(9, prompt: "x6", seats: ["m", "ref"],
                        answers: [[Answer(seatIndex: 0, text: "  ", finishReason: .stop), Answer(seatIndex: 1, text: "ok", finishReason: .stop)]],
                        verdicts: [.seat(1)]),
            Self.battle(10, prompt: "x7", seats: ["m", "ref", "other"], answers: [Self.good(3)], verdicts: [.seat(2)]),
            Self.battle(11, prompt: "x8", seats: ["other", "ref"], answers: [Self.good(2)], verdicts: [.seat(0)]),
        ]
        let result = Recommendation.evaluate(.winRate(versus: "ref", atLeast: 0.45), model: "m", marks: [], battles: battles,
                                             alpha: 0.05, seed: 1)
        let rate = try! #require(result.rate)
        #expect(rate.judgements == 4)
        // Per prompt: p1 (1 + ½)/2 = ¾, p2 ½, p3 0 — in the order they were judged.
        #expect(rate.clusterMeans == [0.75, 0.5, 0])
        #expect(abs(rate.estimate - 1.25 / 3) < 1e-12)
        #expect(result.status == .undecided)
        let reference = Recommendation.evaluate(.nonInferior(versus: "ref", margin: 0.05), model: "ref", marks: [], battles: battles,
                                                alpha: 0.05, seed: 1)
        #expect(reference.status == .reference)
    }

    @Test func barsParseAndSayWhatTheyAsk() {
        #expect(AdequacyBar(parsing: "vs=big, noninferior=0.05") == .nonInferior(versus: "big", margin: 0.05))
        #expect(AdequacyBar(parsing: "vs=big,noninferior=0.05")?.threshold == 0.45)
        #expect(AdequacyBar(parsing: "vs=big,noninferior=0.5") == nil)
        #expect(AdequacyBar(parsing: "adequate>=0.9")?.reference == nil)
        #expect(AdequacyBar.nonInferior(versus: "big", margin: 0.05).description == "non-inferior to big (win rate ≥ 45%)")
    }
}
