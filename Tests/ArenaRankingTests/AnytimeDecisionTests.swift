import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

/// The anytime-valid rules on hand-made and seeded data, each against an independent computation.
@Suite(.ownThread) struct AnytimeDecisionTests {
    // MARK: betting confidence sequence

    /// The wealth of both gamblers, written out again from the paper's definitions (running mean
    /// and variance recomputed from scratch for every bet), and the interval read off a fine grid.
    static func oracleInterval(_ values: [Double], alpha: Double) -> (lower: Double, upper: Double) {
        func bet(_ t: Int) -> Double {                    // uses values[0..<t]
            let previous = Array(values[0..<t])
            var variance = 0.25
            for i in 0..<previous.count {
                let mean = (0.5 + previous[0..<i].reduce(0, +)) / Double(i + 1)
                variance += (previous[i] - mean) * (previous[i] - mean)
            }
            variance /= Double(t + 1)
            let n = Double(t + 1)
            return (2 * log(2 / alpha) / (variance * n * log(n + 1))).squareRoot()
        }
        let bets = (0..<values.count).map(bet)
        func kept(_ m: Double) -> Bool {
            var up = 0.0, down = 0.0
            for (x, b) in zip(values, bets) {
                up += log(1 + min(b, 0.75 / m) * (x - m))
                down += log(1 - min(b, 0.75 / (1 - m)) * (x - m))
            }
            return up < log(2 / alpha) && down < log(2 / alpha)
        }
        let grid = stride(from: 0.0005, to: 1, by: 0.001).filter(kept)
        return (grid.first ?? 0.5, grid.last ?? 0.5)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func bettingSequenceMatchesAnIndependentComputation(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let count = 20 + Int(random.nextUniform() * 300)
        let truth = random.nextUniform()
        let binary = seed % 2 == 0
        let values = (0..<count).map { _ in
            binary ? (random.nextUniform() < truth ? 1.0 : 0.0) : min(1, max(0, truth + (random.nextUniform() - 0.5) * 0.6))
        }
        let sequence = BettingConfidenceSequence(values: values, alpha: 0.05)
        let oracle = Self.oracleInterval(values, alpha: 0.05)
        #expect(abs(sequence.lower - oracle.lower) <= 0.0011, "lower \(sequence.lower) vs \(oracle.lower)")
        #expect(abs(sequence.upper - oracle.upper) <= 0.0011, "upper \(sequence.upper) vs \(oracle.upper)")
        #expect(sequence.lower <= sequence.mean && sequence.mean <= sequence.upper)
    }

    @Test func bettingSequenceIsWiderThanTheFixedSampleIntervalAndNarrowsWithData() {
        let few = BettingConfidenceSequence(values: Array(repeating: 1, count: 10) + [0])
        let many = BettingConfidenceSequence(values: (0..<1000).map { $0 % 10 == 0 ? 0 : 1 })
        let wilson = WilsonInterval(successes: 900, trials: 1000)
        #expect(few.upper - few.lower > many.upper - many.lower)
        #expect(many.lower < wilson.lower && many.upper > wilson.upper)
        #expect(many.excludes(below: 0.8) && !many.excludes(below: 0.9) && many.excludes(above: 0.95))
        let none = BettingConfidenceSequence(values: [])
        #expect(none.lower == 0 && none.upper == 1)
    }

    // MARK: normal mixture and the order rule

    @Test func normalMixtureBoundaryIsTheMixtureFormula() {
        let boundary = NormalMixtureBoundary(alpha: 0.05, tunedInformation: 125)
        for information in [1.0, 10, 125, 1000, 1e5] {
            let total = information + boundary.precision
            let expected = (2 * total / information * log((total / boundary.precision).squareRoot() / 0.05)).squareRoot()
            #expect(abs(boundary.multiplier(information: information) - expected) < 1e-12)
            // Always wider than a single look's 1.96.
            #expect(boundary.multiplier(information: information) > 1.96)
        }
        #expect(boundary.radius(standardError: 0) == 0)
    }

    @Test func votesNeededIsTheSmallestNumberThatSettlesAtThePower() throws {
        let rule = AnytimeOrder()
        let (gap, error, votes) = (30.0, 0.25, 200)
        let needed = try #require(rule.votesNeeded(gapPoints: gap, standardError: error, votes: votes))
        #expect(needed.estimate > 0 && needed.low <= needed.estimate && (needed.high ?? .max) >= needed.estimate)
        func settlesWithPower(_ more: Int) -> Bool {
            let information = Double(votes + more) / Double(votes) / (error * error)
            return gap * GapCovariance.logitsPerPoint * information.squareRoot()
                >= rule.boundary.multiplier(information: information) + NormalDistribution.quantile(0.8)
        }
        #expect(settlesWithPower(needed.estimate) && !settlesWithPower(needed.estimate - 1))
        #expect(rule.votesNeeded(gapPoints: 0, standardError: error, votes: votes) == nil)
        #expect(rule.votesNeeded(gapPoints: gap, standardError: error, votes: 0) == nil)
        // A gap far outside its interval is settled and needs no more.
        #expect(rule.isSettled(gapPoints: 200, standardError: 0.1))
        #expect(rule.votesNeeded(gapPoints: 200, standardError: 0.1, votes: 500)?.estimate == 0)
    }

    // MARK: components, all-ties pairs, gap errors

    @Test func twoGroupsThatNeverMetGetNoCrossGroupClaims() throws {
        // 0–1 played 60 times (0 much stronger); 2–3 played 60 times; never across.
        let comparisons = Fixtures.repeated(0, 1, .winA, 50) + Fixtures.repeated(0, 1, .winB, 10)
            + Fixtures.repeated(2, 3, .winA, 40) + Fixtures.repeated(2, 3, .winB, 20)
        let counts = try Fixtures.counts(comparisons, models: 5)                 // 4 never played
        let graph = ComparisonGraph(counts)
        #expect(graph.componentCount == 2 && graph.component == [0, 0, 1, 1, nil])
        let ratings = [1200.0, 900, 1100, 1000, 1000]
        let pairs = PairAnalysis(counts: counts, ratings: ratings,
                                 bootstrap: BootstrapResult(modelCount: 5, rounds: 1, replicates: ratings))
        #expect(pairs.order == [0, 1, 2, 3])
        #expect(pairs.neighbours.map { [$0.higher, $0.lower] } == [[0, 1], [2, 3]])
        let across = pairs.pairs.filter { !$0.sameComponent }
        #expect(across.count == 4)
        for pair in across {
            #expect(pair.gap == nil && pair.standardError == nil && pair.probabilityOrderRight == nil)
            #expect(!pair.isSettled && pair.votesNeeded == nil)
        }
        // A 300-point gap from 60 votes, 50–10, is settled even under continuous monitoring.
        #expect(pairs.neighbours[0].isSettled)
    }

    @Test func aPairThatOnlyEverTiedIsNeverSettled() throws {
        let counts = try Fixtures.counts(Fixtures.repeated(0, 1, .tie, 400), models: 2)
        let pairs = PairAnalysis(counts: counts, ratings: [1000, 1000],
                                 bootstrap: BootstrapResult(modelCount: 2, rounds: 1, replicates: [1000, 1000]))
        let pair = try #require(pairs.neighbours.first)
        #expect(pair.sameComponent && pair.gap == 0 && !pair.isSettled && pair.votesNeeded == nil)
        // 400 ties are 400 battles of half wins: Var = 1/(n·¼).
        #expect(abs(try #require(pair.standardError) - (1 / (400 * 0.25)).squareRoot()) < 1e-12)
    }

    /// Gap variances are effective resistances of the battle graph with conductances n·p(1−p):
    /// computed here from the Moore–Penrose-style inverse of `L + J/n` by Gauss–Jordan, an
    /// independent route from the solver's "first model held fixed".
    @Test(arguments: [11, 12, 13, 14])
    func gapErrorsMatchTheGraphLaplacianOracle(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let n = 3 + Int(random.nextUniform() * 5)
        let truth = (0..<n).map { _ in 900 + random.nextUniform() * 300 }
        var comparisons: [Comparison] = []
        for i in 0..<n {                                     // a chain keeps the graph connected
            for j in (i + 1)..<n where j == i + 1 || random.nextUniform() < 0.5 {
                for _ in 0..<(1 + Int(random.nextUniform() * 30)) {
                    let p = Logistic.sigmoid((truth[i] - truth[j]) * GapCovariance.logitsPerPoint)
                    comparisons.append(Comparison(a: i, b: j, outcome: random.nextUniform() < p ? .winA : .winB))
                }
            }
        }
        let counts = try ComparisonCounts(modelCount: n, comparisons: comparisons)
        let covariance = try GapCovariance(counts: counts, ratings: truth)
        var matrix = Array(repeating: Array(repeating: 1.0 / Double(n), count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let p = Logistic.sigmoid((truth[i] - truth[j]) * GapCovariance.logitsPerPoint)
                let w = Double(counts.battles(between: i, and: j)) * p * (1 - p)
                matrix[i][j] -= w
                matrix[i][i] += w
            }
        }
        let inverse = Self.invert(matrix)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let expected = inverse[i][i] + inverse[j][j] - 2 * inverse[i][j]
                let actual = try #require(covariance.variance(between: i, and: j))
                #expect(abs(actual - expected) <= 1e-9 * max(1, expected), "\(i)–\(j): \(actual) vs \(expected)")
            }
        }
    }

    static func invert(_ input: [[Double]]) -> [[Double]] {
        let n = input.count
        var a = input
        var inverse = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0 } }
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            inverse.swapAt(column, pivot)
            let scale = a[column][column]
            for k in 0..<n { a[column][k] /= scale; inverse[column][k] /= scale }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                for k in 0..<n { a[row][k] -= factor * a[column][k]; inverse[row][k] -= factor * inverse[column][k] }
            }
        }
        return inverse
    }

    // MARK: clustered rates

    @Test func marksThatAgreeWithinAPromptCountAsOnePromptEach() {
        // 20 prompts × 10 marks, all marks on a prompt equal: evidence about 20 prompts.
        let clustered = (0..<200).map { ClusteredRate.Judgement(cluster: "p\($0 / 10)", value: ($0 / 10) % 5 == 0 ? 0 : 1) }
        let rate = ClusteredRate(judgements: clustered)
        #expect(rate.clusterMeans.count == 20 && rate.estimate == 0.8)
        // n_eff = p̂(1 − p̂)/(s²/G) with the unbiased s²: G − 1 here.
        #expect(abs(rate.effectiveCount - 19) < 1e-9)
        // The same 200 marks spread over 200 prompts are (about) 200 pieces of evidence.
        let independent = ClusteredRate(judgements: clustered.enumerated().map { .init(cluster: "q\($0.offset)", value: $0.element.value) })
        #expect(abs(independent.effectiveCount - 199) < 1e-6)
        #expect(rate.interval.upperBound - rate.interval.lowerBound
                > 2 * (independent.interval.upperBound - independent.interval.lowerBound))
    }

    @Test func twentyPromptsCannotShowAShareAboveNinetyPercent() {
        // Every mark adequate: still no decision at 0.9 from 20 prompts, however many repeats.
        let means = Array(repeating: 1.0, count: 20)
        #expect(ClusteredRate.side(clusterMeans: means, bar: 0.9, alpha: 0.05) == nil)
        #expect(ClusteredRate.side(clusterMeans: Array(repeating: 1.0, count: 150), bar: 0.9, alpha: 0.05) == .above)
        #expect(ClusteredRate.side(clusterMeans: Array(repeating: 0.0, count: 30), bar: 0.5, alpha: 0.05) == .below)
    }
}
