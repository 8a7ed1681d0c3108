import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct StatisticsTests {
    @Test func wilsonMatchesTheFormula() {
        let cases: [(Int, Int, Double)] = [(8, 10, 0.95), (0, 10, 0.95), (50, 100, 0.95), (3, 7, 0.90), (999, 1000, 0.99)]
        for (index, (k, n, confidence)) in cases.enumerated() {
            let w = WilsonInterval(successes: k, trials: n, confidence: confidence)
            #expect(abs(w.lower - ReferenceValues.wilsonBounds[2 * index]) < 1e-9)
            #expect(abs(w.upper - ReferenceValues.wilsonBounds[2 * index + 1]) < 1e-9)
            #expect(w.estimate == Double(k) / Double(n))
        }
        let empty = WilsonInterval(successes: 0, trials: 0)
        #expect(empty.lower == 0 && empty.upper == 1)
    }

    @Test func normalQuantilesMatchScipy() {
        let ps = [0.975, 0.95, 0.5, 0.01, 1e-10, 0.999999]
        for (p, expected) in zip(ps, ReferenceValues.normalQuantiles) {
            #expect(abs(NormalDistribution.quantile(p) - expected) < 1e-9)
            #expect(abs(NormalDistribution.cdf(expected) - p) < 1e-12)
        }
    }

    @Test func positionBiasIsDetected() throws {
        let biased = BattleSimulator(ratings: [1000, 1000, 1000, 1000], tieParameter: 0.5, bothBadShare: 0.4,
                                     firstSeatAdvantage: 40)
        let bias = PositionBias(try Fixtures.counts(biased.comparisons(count: 20_000, seed: 8), models: 4))
        let share = bias.firstSeatShare()
        #expect(share.lower > 0.5)
        #expect(share.contains(RatingScale.winProbability(1040, over: 1000)))
        let tie = Davidson.terms(d: 40 / RatingScale.pointsPerLogit, tau: log(0.5)).pt
        #expect(bias.tieRate().contains(tie * 0.6))
        #expect(bias.bothBadRate().contains(tie * 0.4))
        #expect(bias.battles == 20_000)

        let fair = PositionBias(try Fixtures.counts(BattleSimulator(ratings: [1000, 1100]).comparisons(count: 5_000, seed: 9), models: 2))
        #expect(fair.firstSeatShare().contains(0.5))
        #expect(fair.tieRate().estimate == 0 && fair.bothBadRate().upper < 0.001)
    }

    @Test func tieAndBothBadRatesAreSeparate() throws {
        let counts = try Fixtures.counts(Fixtures.caseA)
        let bias = PositionBias(counts)
        #expect(bias.ties == 2 && bias.bothBad == 1 && bias.battles == 13)
        #expect(bias.firstSeatWins == 6 && bias.secondSeatWins == 4)
        #expect(bias.tieRate().estimate == 2.0 / 13.0)
    }
}
