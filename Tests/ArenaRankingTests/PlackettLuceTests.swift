import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct PlackettLuceTests {
    /// A two-seat verdict as a ranked battle.
    static func ranked(_ c: Comparison) throws -> RankedBattle {
        switch c.outcome {
        case .winA: try RankedBattle(groups: [[c.a], [c.b]])
        case .winB: try RankedBattle(groups: [[c.b], [c.a]])
        case .tie: try RankedBattle.tie([c.a, c.b])
        case .bothBad: try RankedBattle.allBad([c.a, c.b])
        }
    }

    static func rankedCounts(_ comparisons: [Comparison], models: Int = 3) throws -> RankedBattleCounts {
        try RankedBattleCounts(modelCount: models, battles: comparisons.map(ranked))
    }

    @Test func validatesAndNormalisesBattles() throws {
        #expect(throws: RankingError.self) { try RankedBattle(groups: [[0], [0]]) }
        #expect(throws: RankingError.self) { try RankedBattle(groups: [[0]]) }
        #expect(throws: RankingError.self) { try RankedBattle(groups: [[0], []], unranked: [1]) }
        #expect(throws: RankingError.self) { try RankedBattle(groups: [], unranked: [0, 1]) }
        #expect(throws: RankingError.self) { try RankedBattle.winner(5, among: [0, 1]) }
        #expect(throws: RankingError.self) { try RankedBattleCounts(modelCount: 2, battles: [RankedBattle.tie([0, 2])]) }
        #expect(try RankedBattle.winner(1, among: [1, 0]) == RankedBattle(groups: [[1], [0]]))
        #expect(try RankedBattle(groups: [[3, 1]], unranked: [2, 0]).unranked == [0, 2])
        #expect(try RankedBattle(models: [4, 7, 9], verdict: .winner(seat: 1)) == RankedBattle.winner(7, among: [9, 4, 7]))
        let counts = try RankedBattleCounts(modelCount: 3, battles: [.allBad([0, 1, 2]), .tie([2, 1, 0]),
                                                                      .winner(0, among: [0, 1, 2])])
        #expect(counts.patterns.count == 2)
        #expect(counts.counts == [2, 1])
    }

    @Test func twoSeatHalfWinsAreBradleyTerry() throws {
        let options: [FitOptions] = [.init(), .init(prior: .gaussian(precision: 0.3)), .init(anchor: .model(1, rating: 1114))]
        for data in [Fixtures.caseA, Fixtures.caseB] {
            let counts = try Fixtures.counts(data)
            let ranked = try Self.rankedCounts(data)
            for option in options {
                let bt = try BradleyTerry.fit(counts, options: option)
                let pl = try PlackettLuce.fit(ranked, options: option)
                #expect(Fixtures.maxDifference(bt.ratings, pl.ratings) < 1e-9)
                #expect(bt.flags == pl.fit.flags)
                #expect(bt.mleExists == pl.fit.mleExists)
            }
        }
        let plain = try PlackettLuce.fit(Self.rankedCounts(Fixtures.caseA), options: .init(prior: .none))
        let btPlain = try BradleyTerry.fit(Fixtures.counts(Fixtures.caseA), options: .init(prior: .none))
        #expect(Fixtures.maxDifference(plain.ratings, btPlain.ratings) < 1e-9)
        #expect(throws: RankingError.self) {
            try PlackettLuce.fit(Self.rankedCounts(Fixtures.caseB), options: .init(prior: .none))
        }
    }

    @Test func twoSeatDavidsonLuceIsDavidson() throws {
        for (data, priors) in [(Fixtures.caseA, [Prior.default, .none]), (Fixtures.caseB, [Prior.default])] {
            let counts = try Fixtures.counts(data)
            let ranked = try Self.rankedCounts(data)
            for prior in priors {
                let davidson = try Davidson.fit(counts, options: .init(prior: prior))
                let dl = try PlackettLuce.fit(ranked, ties: .davidson, options: .init(prior: prior))
                #expect(Fixtures.maxDifference(davidson.ratings, dl.ratings) < 1e-9)
                #expect(abs(davidson.tieParameter! - dl.fit.tieParameter!) < 1e-9)
                #expect(abs(dl.tieParameters[2]! - davidson.tieParameter!) < 1e-9)
            }
        }
        let noTies = Fixtures.caseA.filter { !$0.outcome.isTie }
        let dl = try PlackettLuce.fit(Self.rankedCounts(noTies), ties: .davidson)
        #expect(dl.fit.tieParameter == 0)
        #expect(Fixtures.maxDifference(dl.ratings, try BradleyTerry.fit(Fixtures.counts(noTies)).ratings) < 1e-9)
    }

    @Test func matchesTheBruteForceReference() throws {
        let sets: [([RankedBattle], Int, [Double], [Double], [Int: Double])] = [
            (PlackettLuceReferenceValues.threeSeat, 5, PlackettLuceReferenceValues.threeSeatHalfWins,
             PlackettLuceReferenceValues.threeSeatDavidson, PlackettLuceReferenceValues.threeSeatDeltas),
            (PlackettLuceReferenceValues.fourSeat, 6, PlackettLuceReferenceValues.fourSeatHalfWins,
             PlackettLuceReferenceValues.fourSeatDavidson, PlackettLuceReferenceValues.fourSeatDeltas),
            (PlackettLuceReferenceValues.eightSeat, 8, PlackettLuceReferenceValues.eightSeatHalfWins,
             PlackettLuceReferenceValues.eightSeatDavidson, PlackettLuceReferenceValues.eightSeatDeltas),
        ]
        for (battles, models, half, davidson, deltas) in sets {
            let counts = try RankedBattleCounts(modelCount: models, battles: battles)
            let fit = try PlackettLuce.fit(counts)
            #expect(fit.fit.converged)
            #expect(Fixtures.maxDifference(fit.ratings, half) < 1e-6)
            let dl = try PlackettLuce.fit(counts, ties: .davidson)
            #expect(Fixtures.maxDifference(dl.ratings, davidson) < 1e-6)
            #expect(Set(dl.tieParameters.keys) == Set(deltas.keys))
            for (size, delta) in deltas { #expect(abs(dl.tieParameters[size]! - delta) < 1e-6 * max(delta, 1)) }
        }
        let full = try RankedBattleCounts(modelCount: 5, battles: PlackettLuceReferenceValues.fullRankings)
        let plain = try PlackettLuce.fit(full, options: .init(prior: .none))
        #expect(Fixtures.maxDifference(plain.ratings, PlackettLuceReferenceValues.fullRankingsNoPrior) < 1e-6)
    }

    @Test func derivativesMatchFiniteDifferences() throws {
        let counts = try RankedBattleCounts(modelCount: 8, battles: PlackettLuceReferenceValues.eightSeat)
        var rng = SeededRandom(seed: 3)
        for ties in PlackettLuce.Ties.allCases {
            let compiled = try PlackettLuce.compile(counts, ties: ties, tieSizes: ties == .davidson ? counts.tieSizes : [],
                                                    active: counts.played, prior: .default)
            let likelihood = compiled.likelihood
            let (linear, weights) = likelihood.weights(counts: counts.counts)
            let d = likelihood.dimension
            let x = (0..<d).map { _ in rng.nextUniform() * 2 - 1 }
            func value(_ x: [Double]) -> Double {
                likelihood.evaluate(x, linear: linear, weights: weights, gradient: nil, negHessian: nil)
            }
            func derivatives(_ x: [Double]) -> ([Double], [Double]) {
                var g = Array(repeating: 0.0, count: d), h = Array(repeating: 0.0, count: d * d)
                g.withUnsafeMutableBufferPointer { gp in
                    h.withUnsafeMutableBufferPointer { hp in
                        _ = likelihood.evaluate(x, linear: linear, weights: weights, gradient: gp, negHessian: hp)
                    }
                }
                return (g, h)
            }
            let (g, h) = derivatives(x)
            let step = 1e-5
            for i in 0..<d {
                var up = x, down = x
                up[i] += step
                down[i] -= step
                #expect(abs((value(up) - value(down)) / (2 * step) - g[i]) < 1e-6 * max(1, abs(g[i])))
                let (gu, _) = derivatives(up), (gd, _) = derivatives(down)
                for j in 0..<d {
                    let numeric = -(gu[j] - gd[j]) / (2 * step)
                    #expect(abs(numeric - h[j * d + i]) < 1e-5 * max(1, abs(numeric)))
                }
            }
        }
    }

    @Test func informationGivesPairwiseGapErrorsOnTwoSeats() throws {
        let counts = try Fixtures.counts(Fixtures.caseA)
        let bt = try BradleyTerry.fit(counts)
        let pairwise = try GapCovariance(counts: counts, ratings: bt.ratings)
        let pl = try PlackettLuce.fit(Self.rankedCounts(Fixtures.caseA))
        let gaps = try pl.gapCovariance()
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(abs(pairwise.standardError(between: i, and: j)! - gaps.standardError(between: i, and: j)!) < 1e-9)
            }
        }
    }

    @Test func modelsInOneBattleAreConnected() throws {
        let counts = try RankedBattleCounts(modelCount: 7, battles: [
            .winner(0, among: [0, 1, 2]), try RankedBattle(groups: [[4, 3]], unranked: [5, 2]),
            .tie([6, 1]),
        ])
        let graph = ComparisonGraph(counts)
        #expect(graph.componentCount == 1)
        let split = ComparisonGraph(try RankedBattleCounts(modelCount: 6, battles: [.winner(0, among: [0, 1, 2]), .tie([3, 4])]))
        #expect(split.componentCount == 2)
        #expect(split.component[5] == nil)
        #expect(!split.sameComponent(0, 3))
    }

    @Test func recoversKnownStrengthsFromFourWayRankings() throws {
        let truth = [1150.0, 1080, 1010, 960, 900, 900]
        let sim = RankedBattleSimulator(ratings: truth)
        let counts = try RankedBattleCounts(modelCount: 6, battles: sim.battles(count: 6_000, seats: 4, seed: 5))
        let fit = try PlackettLuce.fit(counts)
        let mean = truth.reduce(0, +) / 6
        #expect(Fixtures.maxDifference(fit.ratings, truth.map { $0 - mean + 1000 }) < 15)
        let gaps = try fit.gapCovariance()
        #expect(gaps.standardError(between: 0, and: 5)! * 400 / log(10.0) < 15)
    }
}
