@testable import ArenaCLI
import ArenaTestTraits
import ArenaCore
import ArenaRanking
import Foundation
import Testing

/// Ranking verdicts in the leaderboard: each counted verdict is one `RankedBattle`, its pairs
/// are what the rule says, two-seat data keeps Bradley–Terry's numbers, and 3+ seats switch
/// the fit to Plackett–Luce over whole battles.
@Suite(.ownThread) struct RankingDataRankingTests {
    static func vote(_ verdict: String, models: [String], minute: Int = 0, failed: Set<Int> = []) throws -> RankingVote {
        let contenders = models.enumerated().map { seat, model in
            RankingVote.Contender(seatIndex: seat, model: model, failed: failed.contains(seat), finishReason: .stop,
                                  hasText: true, outputTokens: nil, text: nil)
        }
        let record = VerdictRecord(battleID: UUID(), turnIndex: 0, verdict: try Verdict.parse(verdict, seatCount: models.count),
                                   rater: "ana", createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(minute) * 60))
        return RankingVote(record: record, battleBlind: true, mode: .screen, leaked: false, contenders: contenders)
    }

    @Test func aRankingIsOneBattleAndThePairsItOrders() throws {
        let data = RankingData(votes: [try Self.vote("C>A=D", models: ["m0", "m1", "m2", "m3", "m4"])], filter: .init())
        #expect(data.verdicts == 1)
        // Models are numbered in seat order: m0 … m4 → 0 … 4.
        #expect(data.rankedBattles == [try RankedBattle(groups: [[2], [0, 3]], unranked: [1, 4])])
        let pairs = data.comparisons.map { "\($0.a)\($0.b)\($0.outcome)" }
        #expect(pairs == ["01winA", "02winB", "03tie", "04winA", "12winB", "13winB", "23winA", "24winA", "34winA"])
    }

    @Test func aFailedSeatLeavesTheRankingAndTheRestStillCounts() throws {
        let data = RankingData(votes: [try Self.vote("B>C>A=D", models: ["m0", "m1", "m2", "m3"], failed: [2])], filter: .init())
        #expect(data.excluded.failedSeats == 1)
        // Seat C failed: models m0, m1, m3 remain, numbered 0, 1, 2.
        #expect(data.rankedBattles == [try RankedBattle(groups: [[1], [0, 2]])])
    }

    @Test func winnersTiesAndBothBadKeepTheirPairs() throws {
        let models = ["m0", "m1", "m2"]
        let data = RankingData(votes: [try Self.vote("B", models: models), try Self.vote("tie", models: models),
                                       try Self.vote("bad", models: models)], filter: .init())
        #expect(data.comparisons.map(\.outcome) == [.winB, .winA, .tie, .tie, .tie, .bothBad, .bothBad, .bothBad])
        #expect(data.rankedBattles.map(\.allBad) == [false, false, true])
    }

    @Test func twoSeatDataKeepsBradleyTerry() throws {
        var votes: [RankingVote] = []
        for i in 0..<60 { votes.append(try Self.vote(i % 3 == 0 ? "B" : i % 7 == 0 ? "tie" : "A", models: i % 2 == 0 ? ["x", "y"] : ["y", "z"], minute: i)) }
        let data = RankingData(votes: votes, filter: .init())
        let computation = try LeaderboardComputation(data: data, options: .init(rounds: 50))
        #expect(!computation.usesRankings)
        let bt = try BradleyTerry.fit(try data.counts())
        #expect(computation.ratings == bt.ratings)
    }

    @Test func threeOrMoreSeatsFitPlackettLuceOverWholeBattles() throws {
        let simulator = RankedBattleSimulator(ratings: [1100, 1030, 1000, 970, 900], tieWeights: [2: 0.3])
        let names = ["m0", "m1", "m2", "m3", "m4"]
        let battles = simulator.battles(count: 300, seats: 4, seed: 5)
        var votes: [RankingVote] = []
        for (i, battle) in battles.enumerated() {
            let seats = battle.models.sorted()                          // seat order: model order
            let groups = battle.groups.map { $0.map { seats.firstIndex(of: $0)! } }
            let verdict = try SeatRanking(groups: groups, seatCount: 4).verdict
            votes.append(try Self.vote(verdict.code, models: seats.map { names[$0] }, minute: i))
        }
        let data = RankingData(votes: votes, filter: .init())
        let computation = try LeaderboardComputation(data: data, options: .init(rounds: 100))
        #expect(computation.usesRankings)
        // The leaderboard fits the patterns in their canonical order (the same for votes and tallies).
        let counts = try RankedBattleCounts(modelCount: data.models.count, battles: data.rankedBattles).canonicallyOrdered()
        let direct = try PlackettLuce.fit(counts)
        #expect(computation.ratings == direct.ratings)
        // Same order as the truth (m0 best, m4 worst), and the intervals resample 300 battles.
        let byName = Dictionary(uniqueKeysWithValues: zip(data.models, computation.ratings))
        #expect(byName["m0"]! == computation.ratings.max() && byName["m4"]! == computation.ratings.min())
        #expect(computation.bootstrap.rounds == 100)
    }
}
