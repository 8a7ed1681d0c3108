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
