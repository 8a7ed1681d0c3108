import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

/// Battles generated from known strengths must give those strengths back.
@Suite(.ownThread) struct RecoveryTests {
    static let truth: [Double] = [1180, 1120, 1060, 1010, 990, 940, 880, 820]

    @Test func recoversOrderAndRatingsWithinTheirIntervals() throws {
        // Criteria chosen so that a correct implementation fails on fewer than 1% of seeds:
        // exact order (closest gap is 20 points ≈ 3 standard errors); at most 2 of the 8 truths
        // outside their own 95% interval (P ≈ 0.6% under correct coverage); and every truth within
        // fit ± 3.02 bootstrap standard errors (simultaneous 99%, Bonferroni over 8 models).
        let battles = BattleSimulator(ratings: Self.truth).comparisons(count: 30_000, seed: 2024)
        let counts = try Fixtures.counts(battles, models: 8)
        let fit = try BradleyTerry.fit(counts)
        let boot = try Bootstrap.ratings(counts, rounds: 300, seed: 7)
        let order = (0..<8).sorted { fit.ratings[$0] > fit.ratings[$1] }
        #expect(order == Array(0..<8))
        var outside = 0
        for model in 0..<8 {
            let interval = boot.interval(for: model)
            if !interval.contains(Self.truth[model]) { outside += 1 }
            #expect(interval.contains(fit.ratings[model]))
            #expect(interval.upperBound - interval.lowerBound < 30)
            let error = boot.values(for: model).standardDeviation
            #expect(abs(fit.ratings[model] - Self.truth[model]) < 3.02 * error,
                    "model \(model): fit \(fit.ratings[model]), truth \(Self.truth[model]), se \(error)")
        }
        #expect(outside <= 2)
    }

    @Test func intervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() throws {
        // 200 seeded repetitions × 5 models; each 95% interval should miss about 5% of the time.
        let truth: [Double] = [1090, 1030, 1000, 970, 910]   // mean 1000, like the anchor
        var covered = 0, total = 0
        for repetition in 0..<200 {
            let battles = BattleSimulator(ratings: truth).comparisons(count: 600, seed: UInt64(10_000 + repetition))
            let counts = try Fixtures.counts(battles, models: 5)
            let boot = try Bootstrap.ratings(counts, rounds: 100, seed: UInt64(repetition))
            for model in 0..<5 where boot.interval(for: model).contains(truth[model]) { covered += 1 }
            total += 5
        }
        let coverage = Double(covered) / Double(total)
        #expect(coverage > 0.92 && coverage < 0.98, "coverage \(coverage)")
    }

    @Test func davidsonRecoversTheUncompressedTruth() throws {
        let truth: [Double] = [1090, 1030, 1000, 970, 910]
        let battles = BattleSimulator(ratings: truth, tieParameter: 0.3).comparisons(count: 50_000, seed: 77)
        let fit = try Davidson.fit(Fixtures.counts(battles, models: 5))
        #expect(Fixtures.maxDifference(fit.ratings, truth) < 8)
    }
}

extension Array where Element == Double {
    var standardDeviation: Double {
        let mean = reduce(0, +) / Double(count)
        return (reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)).squareRoot()
    }
}
