import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct BootstrapTests {
    static let battles = BattleSimulator(ratings: [1100, 1040, 1000, 960, 900], tieParameter: 0.4, bothBadShare: 0.25)
        .comparisons(count: 3_000, seed: 5)

    @Test func sameSeedSameResultWhateverTheThreadCount() throws {
        let counts = try Fixtures.counts(Self.battles, models: 5)
        let one = try Bootstrap.ratings(counts, rounds: 40, seed: 9, threads: 1)
        let two = try Bootstrap.ratings(counts, rounds: 40, seed: 9, threads: 2)
        let three = try Bootstrap.ratings(counts, rounds: 40, seed: 9, threads: 3)
        #expect(one == two && two == three)
        let other = try Bootstrap.ratings(counts, rounds: 40, seed: 10, threads: 2)
        #expect(one != other)
    }

    @Test func everyMethodIsDeterministicAcrossThreads() throws {
        let counts = try Fixtures.counts(Self.battles, models: 5)
        #expect(try Bootstrap.ratings(counts, method: .davidson, rounds: 12, seed: 3, threads: 1)
            == Bootstrap.ratings(counts, method: .davidson, rounds: 12, seed: 3, threads: 2))
        #expect(try Bootstrap.onlineElo(Self.battles, modelCount: 5, rounds: 12, seed: 3, threads: 1)
            == Bootstrap.onlineElo(Self.battles, modelCount: 5, rounds: 12, seed: 3, threads: 2))
        let styled = Fixtures.caseS
        #expect(try Bootstrap.styleControlled(styled, modelCount: 3, rounds: 12, seed: 3, threads: 1)
            == Bootstrap.styleControlled(styled, modelCount: 3, rounds: 12, seed: 3, threads: 2))
    }

    @Test func replicatesKeepTheAnchor() throws {
        let counts = try Fixtures.counts(Self.battles, models: 5)
        let mean = try Bootstrap.ratings(counts, rounds: 20, seed: 1)
        for round in 0..<mean.rounds {
            #expect(abs(mean.replicate(round).reduce(0, +) / 5 - 1000) < 1e-9)
        }
        let pinned = try Bootstrap.ratings(counts, options: .init(anchor: .model(2, rating: 1200)), rounds: 20, seed: 1)
        #expect(pinned.interval(for: 2) == 1200...1200)
    }

    @Test func resampledCountsKeepTheTotal() throws {
        var rng = SeededRandom(seed: 4)
        let weights: [Double] = [5, 0, 120, 3, 1_000_000, 42, 0, 7]
        var drawn = [Double](repeating: -1, count: weights.count)
        for _ in 0..<50 {
            BinomialSampler.multinomial(weights, into: &drawn, using: &rng)
            #expect(drawn.reduce(0, +) == weights.reduce(0, +))
            #expect(drawn[1] == 0 && drawn[6] == 0)
        }
    }

    @Test func intervalsAndProbabilitiesComeFromTheReplicates() {
        // Two models, five rounds, values chosen by hand.
        let result = BootstrapResult(modelCount: 2, rounds: 5, replicates: [1, 0, 2, 0, 3, 0, 4, 5, 5, 5])
        #expect(result.values(for: 0) == [1, 2, 3, 4, 5])
        #expect(result.interval(for: 0, level: 0.5) == 2...4)     // numpy: quantile 0.25 → 2, 0.75 → 4
        #expect(result.interval(for: 0, level: 0.9) == 1.2...4.8)
        #expect(result.probability(0, above: 1) == 0.7)           // 3 above, 1 below, 1 equal
        #expect(abs(result.standardError(ofGapBetween: 0, and: 1) - 1.5811388300841898) < 1e-12)
    }

    @Test func noPriorThrowsWhenAResampleBreaksTheMLE() throws {
        // Model 0 lost once in 30: some resamples drop that loss.
        let battles = Fixtures.repeated(0, 1, .winA, 29) + [Comparison(a: 0, b: 1, outcome: .winB)]
        let counts = try Fixtures.counts(battles, models: 2)
        let error = #expect(throws: RankingError.self) {
            try Bootstrap.ratings(counts, options: .init(prior: .none), rounds: 200, seed: 2)
        }
        #expect(error?.code == .mleDoesNotExist)
        #expect(throws: Never.self) { try Bootstrap.ratings(counts, rounds: 200, seed: 2) }
    }

    @Test func rejectsNonsense() throws {
        let counts = try Fixtures.counts(Fixtures.caseA)
        #expect(throws: RankingError.self) { try Bootstrap.ratings(counts, rounds: 0, seed: 1) }
        #expect(throws: RankingError.self) { try Bootstrap.ratings(counts, rounds: 5, seed: 1, threads: 0) }
    }
}
