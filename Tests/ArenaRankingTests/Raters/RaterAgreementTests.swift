import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

/// Leave-one-rater-out agreement and the consistency flags, on simulated teams and by hand.
@Suite(.ownThread) struct RaterAgreementTests {
    /// 75 points apart: neighbours are close (P = 0.61), the ends far apart (P = 0.97).
    static let truth: [Double] = [1300, 1225, 1150, 1075, 1000, 925, 850, 775]
    static let honest = ["honest-1", "honest-2", "honest-3", "honest-4"]

    /// 4 honest raters, one coin-flipper, one who picks the truly weaker model 80 % of the time.
    static func team(seed: UInt64, votesPerRater: Int = 1_200) -> [RaterVote] {
        let sim = RaterSimulator(ratings: truth, tieParameter: 0.3, bothBadShare: 0.3)
        var votes: [RaterVote] = []
        for (k, name) in honest.enumerated() {
            votes += sim.votes(by: name, behaviour: .honest, count: votesPerRater, seed: seed &* 16 &+ UInt64(k))
        }
        votes += sim.votes(by: "random", behaviour: .random, count: votesPerRater, seed: seed &* 16 &+ 8)
        votes += sim.votes(by: "adversarial", behaviour: .adversarial(0.8), count: votesPerRater, seed: seed &* 16 &+ 9)
        return votes
    }

    @Test func flagsHonestRandomAndAdversarialRatersAcrossSeeds() throws {
        // Honest and adversarial raters are far from the thresholds (agreement ≈ 0.7 and ≈ 0.25 on
        // ~1,000 scored votes), so they must be flagged right on every seed. A coin-flipper lands
        // outside the 95 % Wilson interval about 5 % of the time by design, so over 20 seeds it
        // must be `.random` at least 17 times (P(fewer) ≈ 1.6 % for a correct implementation).
        var randomFlagged = 0
        for seed in UInt64(1)...20 {
            let report = try RaterAgreement.analyze(Self.team(seed: seed), modelCount: Self.truth.count)
            let byName = Dictionary(uniqueKeysWithValues: report.map { ($0.rater, $0) })
            #expect(report.map(\.rater) == (Self.honest + ["adversarial", "random"]).sorted())
            for name in Self.honest {
                let r = try #require(byName[name])
                #expect(r.consistency == .consistent, "seed \(seed) \(name): \(r.agreements)/\(r.scored)")
                #expect(r.agreementRate.lower > 0.6)
                #expect(r.ties + r.bothBad > 0 && r.decisive == r.votes - r.ties - r.bothBad)
                #expect(r.unscored == 0 && r.scored == r.decisive)
            }
            let random = try #require(byName["random"])
            #expect(try #require(random.expectedAgreement) >= 0.6, "seed \(seed)")
            #expect(abs(random.agreementRate.estimate - 0.5) < 0.06, "seed \(seed)")
            if random.consistency == .random { randomFlagged += 1 }
            let adversarial = try #require(byName["adversarial"])
            #expect(adversarial.consistency == .adversarial, "seed \(seed): \(adversarial.agreements)/\(adversarial.scored)")
            #expect(adversarial.agreementRate.upper < 0.4)
        }
        #expect(randomFlagged >= 17, "random rater flagged .random on \(randomFlagged) of 20 seeds")
    }

    @Test func aSingleRaterHasNothingToAgreeWith() throws {
        let votes = RaterSimulator(ratings: Self.truth).votes(by: "solo", behaviour: .honest, count: 300, seed: 5)
        let report = try RaterAgreement.analyze(votes, modelCount: Self.truth.count)
        #expect(report.count == 1)
        let solo = report[0]
        #expect(solo.votes == 300 && solo.decisive == 300)
        #expect(solo.scored == 0 && solo.unscored == 300 && solo.agreements == 0)
        #expect(solo.expectedAgreement == nil)
        #expect(solo.agreementRate.trials == 0)
        #expect(solo.consistency == .tooFewVotes)
    }

    @Test func aRaterWithFiveVotesHasTooFewVotes() throws {
        let sim = RaterSimulator(ratings: Self.truth)
        let votes = sim.votes(by: "regular", behaviour: .honest, count: 2_000, seed: 11)
            + sim.votes(by: "newcomer", behaviour: .honest, count: 5, seed: 12)
        let newcomer = try #require(try RaterAgreement.analyze(votes, modelCount: 8).first { $0.rater == "newcomer" })
        #expect(newcomer.votes == 5 && newcomer.scored == 5)
        #expect(newcomer.consistency == .tooFewVotes)
        // The minimum is configurable; at 5 the same votes are judged.
        let lenient = RaterConsistency.Criteria(minimumScored: 5)
        let judged = try #require(try RaterAgreement.analyze(votes, modelCount: 8, criteria: lenient)
            .first { $0.rater == "newcomer" })
        #expect(judged.consistency != .tooFewVotes)
    }

    @Test func pairsTheOthersCannotJudgeAreUnscored() throws {
        let t = Date(timeIntervalSince1970: 0)
        func vote(_ rater: String, _ a: Int, _ b: Int, _ outcome: PairOutcome) -> RaterVote {
            RaterVote(rater: rater, a: a, b: b, outcome: outcome, createdAt: t)
        }
        // The others met 0–1 and 2–3 only; model 4 only this rater saw.
        let others = [vote("x", 0, 1, .winA), vote("x", 1, 0, .winB), vote("y", 2, 3, .winA), vote("y", 3, 2, .winA)]
        let mine = [vote("me", 0, 1, .winA),     // scored, agrees (0 is ahead of 1)
                    vote("me", 1, 0, .winA),     // scored, disagrees
                    vote("me", 0, 2, .winB),     // unscored: 0 and 2 never met, even indirectly
                    vote("me", 4, 0, .winA),     // unscored: nobody else saw model 4
                    vote("me", 2, 3, .tie),      // counted, never scored
                    vote("me", 3, 2, .bothBad)]
        let me = try #require(try RaterAgreement.analyze(others + mine, modelCount: 5).first { $0.rater == "me" })
        #expect(me.votes == 6 && me.decisive == 4 && me.ties == 1 && me.bothBad == 1)
        #expect(me.scored == 2 && me.unscored == 2 && me.agreements == 1)
        #expect(me.agreementRate.estimate == 0.5)
    }

    @Test func agreementAndExpectationMatchAHandComputedLeaveOutFit() throws {
        let t = Date(timeIntervalSince1970: 0)
        let a = [RaterVote](repeating: RaterVote(rater: "a", a: 0, b: 1, outcome: .winA, createdAt: t), count: 3)
            + [RaterVote(rater: "a", a: 0, b: 1, outcome: .winB, createdAt: t)]
        let b = [RaterVote(rater: "b", a: 1, b: 0, outcome: .winB, createdAt: t),   // 0 wins
                 RaterVote(rater: "b", a: 0, b: 1, outcome: .winA, createdAt: t),   // 0 wins
                 RaterVote(rater: "b", a: 0, b: 1, outcome: .winB, createdAt: t),   // 1 wins
                 RaterVote(rater: "b", a: 1, b: 0, outcome: .tie, createdAt: t)]
        let report = try RaterAgreement.analyze(a + b, modelCount: 2)
        let onlyA = try BradleyTerry.fit(ComparisonCounts(modelCount: 2, comparisons: a.map(\.comparison)))
        let p = RatingScale.winProbability(onlyA.ratings[0], over: onlyA.ratings[1])
        #expect(p > 0.5)
        let rb = report[1]
        #expect(rb.rater == "b" && rb.votes == 4 && rb.decisive == 3 && rb.scored == 3 && rb.agreements == 2)
        #expect(abs(try #require(rb.expectedAgreement) - p) < 1e-12)
        // a against b's fit: b has 0 ahead 2:1 plus a tie, so a's three 0-wins agree.
        let ra = report[0]
        #expect(ra.rater == "a" && ra.scored == 4 && ra.agreements == 3)
    }

    // The thresholds of the flag are checked by hand in RaterConsistencyTests.

    @Test func invalidVotesThrow() {
        let t = Date(timeIntervalSince1970: 0)
        #expect(throws: RankingError.self) {
            try RaterAgreement.analyze([RaterVote(rater: "x", a: 0, b: 2, outcome: .winA, createdAt: t)], modelCount: 2)
        }
        #expect(throws: RankingError.self) {
            try RaterAgreement.analyze([RaterVote(rater: "x", a: 1, b: 1, outcome: .winA, createdAt: t)], modelCount: 2)
        }
    }

    @Test func subtractingEqualsRebuildingWithoutThePart() throws {
        let votes = Self.team(seed: 3, votesPerRater: 300)
        let all = try ComparisonCounts(modelCount: 8, comparisons: votes.map(\.comparison))
        let part = try ComparisonCounts(modelCount: 8, comparisons: votes.filter { $0.rater == "random" }.map(\.comparison))
        let rest = try ComparisonCounts(modelCount: 8, comparisons: votes.filter { $0.rater != "random" }.map(\.comparison))
        #expect(try all.subtracting(part) == rest)
        #expect(throws: RankingError.self) { try part.subtracting(all) }
        #expect(throws: RankingError.self) { try all.subtracting(ComparisonCounts(modelCount: 7)) }
    }
}

@Suite(.ownThread) struct RaterTeamSizeTests {
    @Test func tenRatersOneHundredThousandVotes() throws {
        // The benchmark's size (20 models, 8 honest + 1 random + 1 adversarial, 10,000 votes each).
        // The time is printed, never asserted; `swift run -c release raters-bench` for real numbers.
        let ratings = (0..<20).map { 1200 - 400 * Double($0) / 19 }
        let sim = RaterSimulator(ratings: ratings, tieParameter: 0.3, bothBadShare: 0.3)
        var votes: [RaterVote] = []
        for k in 0..<10 {
            let behaviour: RaterSimulator.Behaviour = k == 8 ? .random : k == 9 ? .adversarial(0.8) : .honest
            votes += sim.votes(by: "rater-\(k)", behaviour: behaviour, count: 10_000, seed: UInt64(k + 1))
        }
        let clock = ContinuousClock()
        var report: [RaterAgreement] = []
        let elapsed = try clock.measure { report = try RaterAgreement.analyze(votes, modelCount: 20) }
        print("RaterAgreement.analyze, 10 raters, 100,000 votes, 20 models (debug build): \(elapsed)")
        #expect(report.map(\.consistency) == Array(repeating: .consistent, count: 8) + [.random, .adversarial])
        #expect(report.map(\.votes).reduce(0, +) == 100_000)
    }
}
