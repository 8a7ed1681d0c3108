import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct ActiveSamplingTests {
    @Test func unjudgedPairsComeFirstAndProbabilitiesSumToOne() throws {
        // 0–1 met 40 times, 1–2 met 4 times, 0–2 never.
        let battles = Fixtures.repeated(0, 1, .winA, 20) + Fixtures.repeated(1, 0, .winA, 20)
            + Fixtures.repeated(1, 2, .winA, 2) + Fixtures.repeated(2, 1, .tie, 2)
        let weights = ActiveSampling.weights(try Fixtures.counts(battles))
        let p = Dictionary(uniqueKeysWithValues: weights.map { ("\($0.first)-\($0.second)", $0.probability) })
        #expect(abs(weights.map(\.probability).reduce(0, +) - 1) < 1e-12)
        #expect(p["0-2"]! > p["1-2"]! && p["1-2"]! > p["0-1"]!)
        // Unjudged pair: Σ = ¼, weight ½·(1 − 1/√2); 0–1 pair: μ = ½, weight ½·(1/√41 − 1/√42).
        let raw02 = 0.5 * (1 - 1 / 2.0.squareRoot()), raw01 = 0.5 * (1 / 41.0.squareRoot() - 1 / 42.0.squareRoot())
        #expect(abs(p["0-2"]! / p["0-1"]! - raw02 / raw01) < 1e-9)
    }

    @Test func restrictsToTheGivenModelsAndSamplesByWeight() throws {
        let counts = try Fixtures.counts(Fixtures.caseA, models: 5)
        let weights = ActiveSampling.weights(counts, models: [1, 3, 4])
        #expect(weights.map { [$0.first, $0.second] } == [[1, 3], [1, 4], [3, 4]])
        var rng = SeededRandom(seed: 12)
        var seen: [String: Int] = [:]
        for _ in 0..<3_000 {
            let pick = ActiveSampling.choose(from: weights, using: &rng)!
            seen["\(pick.first)-\(pick.second)", default: 0] += 1
        }
        #expect(abs(Double(seen["3-4"]!) / 3_000 - weights[2].probability) < 0.03)
        #expect(ActiveSampling.choose(from: [], using: &rng) == nil)
    }
}

@Suite(.ownThread) struct MultiSeatBattleTests {
    @Test func winnerBeatsEveryOtherSeat() throws {
        let pairs = try MultiSeatBattle.comparisons(models: [4, 7, 9], verdict: .winner(seat: 1))
        #expect(pairs == [Comparison(a: 4, b: 7, outcome: .winB), Comparison(a: 7, b: 9, outcome: .winA)])
        let two = try MultiSeatBattle.comparisons(models: [2, 5], verdict: .winner(seat: 0))
        #expect(two == [Comparison(a: 2, b: 5, outcome: .winA)])
    }

    @Test func tiesAndAllBadCoverEveryPair() throws {
        let ties = try MultiSeatBattle.comparisons(models: [0, 1, 2, 3], verdict: .tie)
        #expect(ties.count == 6 && ties.allSatisfy { $0.outcome == .tie && $0.a < $0.b })
        let bad = try MultiSeatBattle.comparisons(models: [0, 1, 2], verdict: .allBad)
        #expect(bad.count == 3 && bad.allSatisfy { $0.outcome == .bothBad })
    }

    @Test func seatStatisticsAreBalancedWithoutBias() throws {
        // Each seat wins once: first-seat and second-seat wins come out equal.
        var counts = ComparisonCounts(modelCount: 3)
        for seat in 0..<3 {
            for c in try MultiSeatBattle.comparisons(models: [0, 1, 2], verdict: .winner(seat: seat)) { try counts.add(c) }
        }
        let bias = PositionBias(counts)
        #expect(bias.firstSeatWins == bias.secondSeatWins)
    }

    @Test func rejectsBadBattles() {
        #expect(throws: RankingError.self) { try MultiSeatBattle.comparisons(models: [1], verdict: .tie) }
        #expect(throws: RankingError.self) { try MultiSeatBattle.comparisons(models: [1, 1], verdict: .tie) }
        #expect(throws: RankingError.self) { try MultiSeatBattle.comparisons(models: [1, 2], verdict: .winner(seat: 2)) }
    }
}

@Suite(.ownThread) struct SamplerTests {
    @Test func seededStreamsAreReproducibleAndDistinct() {
        var a = SeededRandom(seed: 1), b = SeededRandom(seed: 1)
        var c = SeededRandom(seed: 1, stream: 1), d = SeededRandom(seed: 2)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        #expect(first != (0..<4).map { _ in d.next() })
    }

    @Test(arguments: [(20, 0.1), (1_000, 0.003), (1_000, 0.3), (1_000_000, 0.0004), (1_000_000, 0.5), (50, 0.93)])
    func binomialHasTheRightMeanAndVariance(trials: Int, probability: Double) {
        var rng = SeededRandom(seed: UInt64(trials))
        let draws = 20_000
        var sum = 0.0, squares = 0.0
        for _ in 0..<draws {
            let k = Double(BinomialSampler.draw(trials: trials, probability: probability, using: &rng))
            #expect(k >= 0 && k <= Double(trials))
            sum += k
            squares += k * k
        }
        let mean = sum / Double(draws), variance = squares / Double(draws) - mean * mean
        let expectedMean = Double(trials) * probability, expectedVariance = expectedMean * (1 - probability)
        // Mean within 5 standard errors; variance within 5%.
        #expect(abs(mean - expectedMean) < 5 * (expectedVariance / Double(draws)).squareRoot())
        #expect(abs(variance / expectedVariance - 1) < 0.05)
    }

    @Test(arguments: [(100, 0.3), (40, 0.05), (5_000, 0.01)])
    func binomialMatchesTheProbabilityMassFunction(trials: Int, probability: Double) {
        var rng = SeededRandom(seed: 17)
        let draws = 100_000
        var histogram = [Int](repeating: 0, count: trials + 1)
        for _ in 0..<draws { histogram[BinomialSampler.draw(trials: trials, probability: probability, using: &rng)] += 1 }
        let n = Double(trials)
        var distance = 0.0
        for k in 0...trials {
            let x = Double(k)
            let logPmf = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1) + x * log(probability) + (n - x) * log1p(-probability)
            distance += abs(Double(histogram[k]) / Double(draws) - exp(logPmf))
        }
        // Total variation distance; sampling noise alone gives about 0.01 at this size.
        #expect(distance / 2 < 0.02)
    }

    @Test func binomialEdgeCases() {
        var rng = SeededRandom(seed: 3)
        #expect(BinomialSampler.draw(trials: 0, probability: 0.5, using: &rng) == 0)
        #expect(BinomialSampler.draw(trials: 10, probability: 0, using: &rng) == 0)
        #expect(BinomialSampler.draw(trials: 10, probability: 1, using: &rng) == 10)
    }
}
