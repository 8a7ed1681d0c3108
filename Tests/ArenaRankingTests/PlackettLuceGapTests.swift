@testable import ArenaRanking
import ArenaTestTraits
import Foundation
import Testing

/// The gap errors the anytime-valid pair rule uses on rankings of 3+ seats: Plackett–Luce's
/// model-based error agrees with its battle bootstrap, and Bradley–Terry on the pairs derived
/// from the same rankings is too small (which is why `arena leaderboard` does not use it there).
@Suite(.ownThread) struct PlackettLuceGapTests {
    @Test func modelBasedGapErrorsMatchTheBattleBootstrapAndPairsUnderstateThem() throws {
        let sim = RankedBattleSimulator(ratings: [1120, 1060, 1010, 980, 940, 890])
        let battles = sim.battles(count: 1500, seats: 4, seed: 17)
        let counts = try RankedBattleCounts(modelCount: 6, battles: battles)
        let fit = try PlackettLuce.fit(counts)
        let gaps = try fit.gapCovariance()
        let boot = try Bootstrap.plackettLuce(counts, rounds: 400, seed: 3)
        // Bradley–Terry on every pair each ranking orders, as if independent.
        var pairs: [Comparison] = []
        for battle in battles {
            let order = battle.groups.flatMap { $0 }
            for (i, better) in order.enumerated() {
                for worse in order[(i + 1)...] {
                    pairs.append(better < worse ? Comparison(a: better, b: worse, outcome: .winA)
                                                : Comparison(a: worse, b: better, outcome: .winB))
                }
            }
        }
        let pairCounts = try ComparisonCounts(modelCount: 6, comparisons: pairs)
        let pairGaps = try GapCovariance(counts: pairCounts, ratings: try BradleyTerry.fit(pairCounts).ratings)
        let pointsPerLogit = 1 / GapCovariance.logitsPerPoint
        for (i, j) in [(0, 1), (2, 3), (1, 4), (0, 5)] {
            let model = try #require(gaps.standardError(between: i, and: j)) * pointsPerLogit
            let rounds = (0..<boot.rounds).map { boot.replicate($0)[boot.replicate($0).startIndex + i] - boot.replicate($0)[boot.replicate($0).startIndex + j] }
            let mean = rounds.reduce(0, +) / Double(rounds.count)
            let spread = (rounds.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rounds.count - 1)).squareRoot()
            #expect(model / spread > 0.85 && model / spread < 1.18, "\(i)-\(j): model \(model), bootstrap \(spread)")
            let pairwise = try #require(pairGaps.standardError(between: i, and: j)) * pointsPerLogit
            #expect(pairwise < 0.9 * model, "\(i)-\(j): pairs \(pairwise) vs Plackett–Luce \(model)")
        }
    }
}
