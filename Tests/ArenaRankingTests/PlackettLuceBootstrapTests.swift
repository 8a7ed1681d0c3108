import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.serialized, .ownThread) struct PlackettLuceBootstrapTests {
    static let truth = [1100.0, 1060, 1000, 980, 940, 920]

    @Test func identicalAcrossThreadCounts() throws {
        let battles = RankedBattleSimulator(ratings: Self.truth, tieWeights: [2: 0.4]).battles(count: 300, seats: 4, seed: 9)
        let counts = try RankedBattleCounts(modelCount: 6, battles: battles)
        for ties in PlackettLuce.Ties.allCases {
            let one = try Bootstrap.plackettLuce(counts, ties: ties, rounds: 40, seed: 4, threads: 1)
            let two = try Bootstrap.plackettLuce(counts, ties: ties, rounds: 40, seed: 4, threads: 2)
            #expect(one == two)
            let other = try Bootstrap.plackettLuce(counts, ties: ties, rounds: 40, seed: 5, threads: 2)
            #expect(one != other)
        }
    }

    /// A tie size only one battle has is missing from most bootstrap rounds; Davidson–Luce must
    /// fit those rounds without it (this crashed `arena leaderboard --ties davidson`).
    @Test func aRareTieSizeDoesNotBreakDavidsonRounds() throws {
        var battles = RankedBattleSimulator(ratings: Self.truth, tieWeights: [2: 0.4]).battles(count: 200, seats: 4, seed: 3)
            .filter { battle in battle.groups.allSatisfy { $0.count <= 2 } }
        battles.append(try RankedBattle(groups: [[0, 1, 2], [3]]))
        let counts = try RankedBattleCounts(modelCount: 6, battles: battles)
        #expect(counts.tieSizes == [2, 3])
        let result = try Bootstrap.plackettLuce(counts, ties: .davidson, rounds: 60, seed: 2)
        #expect(result.intervals().allSatisfy { $0.lowerBound.isFinite && $0.upperBound.isFinite })
    }

    @Test func intervalsCoverTheTruthAndShrinkWithFullRankings() throws {
        let sim = RankedBattleSimulator(ratings: Self.truth)
        let battles = sim.battles(count: 800, seats: 4, seed: 21)
        let full = try RankedBattleCounts(modelCount: 6, battles: battles)
        let winners = try RankedBattleCounts(modelCount: 6, battles: battles.map(sim.winnerOnly))
        let fullBoot = try Bootstrap.plackettLuce(full, rounds: 200, seed: 1)
        let winnerBoot = try Bootstrap.plackettLuce(winners, rounds: 200, seed: 1)
        let mean = Self.truth.reduce(0, +) / 6
        var covered = 0
        var fullWidth = 0.0, winnerWidth = 0.0
        for model in 0..<6 {
            let interval = fullBoot.interval(for: model)
            if interval.contains(Self.truth[model] - mean + 1000) { covered += 1 }
            fullWidth += interval.upperBound - interval.lowerBound
            let w = winnerBoot.interval(for: model)
            winnerWidth += w.upperBound - w.lowerBound
        }
        #expect(covered >= 5)
        #expect(fullWidth < 0.8 * winnerWidth)
    }

    @Test func addingOneBattleAtATimeEqualsCountingThemAll() throws {
        let battles = RankedBattleSimulator(ratings: Self.truth, tieWeights: [2: 0.4]).battles(count: 400, seats: 3, seed: 3)
        var counts = try RankedBattleCounts(modelCount: 6, battles: [])
        for (index, battle) in battles.enumerated() {
            counts = try counts.adding(battle)
            if index % 97 == 0 { #expect(counts == (try RankedBattleCounts(modelCount: 6, battles: Array(battles[...index])))) }
        }
        #expect(counts == (try RankedBattleCounts(modelCount: 6, battles: battles)))
        #expect(throws: RankingError.self) { try counts.adding(try RankedBattle(groups: [[0], [6]])) }
    }
}
