import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

/// The `.random` flag tests agreement against what the others' ranking predicts (`E`), not ½.
@Suite(.ownThread) struct RaterConsistencyTests {
    static let truth = RaterAgreementTests.truth
    static let sim = RaterSimulator(ratings: truth, tieParameter: 0.3, bothBadShare: 0.3)

    /// Each vote at random with probability `share`, honest otherwise (one seeded coin per vote).
    static func partlyRandom(_ rater: String, share: Double, count: Int, seed: UInt64) -> [RaterVote] {
        let honest = sim.votes(by: rater, behaviour: .honest, count: count, seed: seed)
        let random = sim.votes(by: rater, behaviour: .random, count: count, seed: seed &+ 1_000_003)
        var coin = SeededRandom(seed: seed &+ 77)
        return (0..<count).map { coin.nextUniform() < share ? random[$0] : honest[$0] }
    }

    /// 4 honest raters and one who votes at random 70 % of the time, 1,200 votes each.
    static func team(seed: UInt64) -> [RaterVote] {
        RaterAgreementTests.honest.enumerated().flatMap { k, name in
            sim.votes(by: name, behaviour: .honest, count: 1_200, seed: seed &* 16 &+ UInt64(k))
        } + partlyRandom("mostly-random", share: 0.7, count: 1_200, seed: seed &* 16 &+ 8)
    }

    @Test func aRaterWhoVotesAtRandom70PercentOfTheTimeIsFlagged() throws {
        // Its agreement (≈ 0.57) is far above ½, so the old test against ½ called it consistent;
        // against E ≈ 0.73 (bar 0.66) it falls short on every seed (200 of 200 measured).
        for seed in UInt64(1)...30 {
            let report = try RaterAgreement.analyze(Self.team(seed: seed), modelCount: Self.truth.count)
            let byName = Dictionary(uniqueKeysWithValues: report.map { ($0.rater, $0) })
            let mixed = try #require(byName["mostly-random"])
            #expect(mixed.agreementRate.lower > 0.5, "seed \(seed): above chance, yet partly random")
            #expect(mixed.consistency == .random, "seed \(seed): \(mixed.agreements)/\(mixed.scored), E \(mixed.expectedAgreement ?? 0)")
            for name in RaterAgreementTests.honest {
                let r = try #require(byName[name])
                #expect(r.consistency == .consistent, "seed \(seed) \(name): \(r.agreements)/\(r.scored)")
                #expect(try #require(r.othersVotesPerModel) >= 20)
            }
        }
    }

    @Test func theAdversarialFlagKeepsItsMeaning() throws {
        // The same team plus one who picks the truly weaker model 80 % of the time.
        for seed in UInt64(1)...10 {
            let votes = Self.team(seed: seed)
                + Self.sim.votes(by: "adversarial", behaviour: .adversarial(0.8), count: 1_200, seed: seed &* 16 &+ 9)
            let report = try RaterAgreement.analyze(votes, modelCount: Self.truth.count)
            let adversarial = try #require(report.first { $0.rater == "adversarial" })
            #expect(adversarial.consistency == .adversarial, "seed \(seed)")
            #expect(report.filter { RaterAgreementTests.honest.contains($0.rater) }.allSatisfy { $0.consistency == .consistent })
        }
    }

    @Test func anHonestRaterJudgedAgainstAThinFitIsNotCalledRandom() throws {
        // Against 40 votes the others' fit over-fits: E (≈ 0.74) overstates what the honest rater
        // reaches, and without the votes-per-model condition 19 of 200 seeds flag them.
        let permissive = RaterConsistency.Criteria(minimumOthersVotesPerModel: 0)
        var flaggedWithoutCondition = 0
        for seed in UInt64(1)...40 {
            let votes = Self.sim.votes(by: "prolific", behaviour: .honest, count: 2_000, seed: seed &* 16)
                + Self.sim.votes(by: "occasional", behaviour: .honest, count: 40, seed: seed &* 16 &+ 1)
            let prolific = try #require(try RaterAgreement.analyze(votes, modelCount: 8).first { $0.rater == "prolific" })
            #expect(try #require(prolific.othersVotesPerModel) < 20)   // 2 · 40 / 8 = 10 when all met
            #expect(prolific.consistency == .consistent, "seed \(seed)")
            let loose = try #require(try RaterAgreement.analyze(votes, modelCount: 8, criteria: permissive)
                .first { $0.rater == "prolific" })
            if loose.consistency == .random { flaggedWithoutCondition += 1 }
        }
        #expect(flaggedWithoutCondition > 0, "the condition should matter on some seed")
        // Against 100 votes (v = 25) the rater is judged, and passes.
        for seed in UInt64(1)...20 {
            let votes = Self.sim.votes(by: "prolific", behaviour: .honest, count: 2_000, seed: seed &* 16)
                + Self.sim.votes(by: "occasional", behaviour: .honest, count: 100, seed: seed &* 16 &+ 1)
            let prolific = try #require(try RaterAgreement.analyze(votes, modelCount: 8).first { $0.rater == "prolific" })
            #expect(try #require(prolific.othersVotesPerModel) >= 20)  // 2 · 100 / 8 = 25
            #expect(prolific.consistency == .consistent, "seed \(seed)")
        }
    }

    @Test func classifyFollowsTheDocumentedThresholds() {
        func flag(_ k: Int, _ n: Int, _ e: Double?, v: Double = 100) -> RaterConsistency {
            RaterConsistency.classify(agreements: k, scored: n, expectedAgreement: e, othersVotesPerModel: v)
        }
        // E 0.8 → bar ½ + 0.7·0.3 = 0.71. 60 of 100: Wilson 0.502…0.691 — above ½, below the bar.
        #expect(abs(RaterConsistency.randomThreshold(expectedAgreement: 0.8) - 0.71) < 1e-12)
        #expect(flag(60, 100, 0.8) == .random)
        #expect(flag(60, 100, 0.8, v: 19.9) == .consistent)          // the others' fit is too thin to judge
        #expect(flag(65, 100, 0.8) == .consistent)                   // upper 0.737 ≥ 0.71
        // E 0.6 → bar 0.57. 55 of 100 (upper 0.644) passes; 150 of 300 (0.444…0.556) does not.
        #expect(flag(55, 100, 0.6) == .consistent)
        #expect(flag(150, 300, 0.6) == .random)
        #expect(flag(150, 300, 0.52) == .consistent)                 // bar 0.514 inside the interval: no power
        // 39 of 100: upper 0.490 < 0.5, whatever the others' evidence.
        #expect(flag(39, 100, 0.55) == .adversarial)
        #expect(flag(39, 100, 0.55, v: 0) == .adversarial)
        #expect(flag(0, 19, 0.9) == .tooFewVotes)
        #expect(flag(0, 20, 0.9) == .adversarial)
        #expect(RaterConsistency.classify(agreements: 0, scored: 0, expectedAgreement: nil, othersVotesPerModel: 0,
                                          criteria: .init(minimumScored: 0)) == .tooFewVotes)
        // honestShare sets the bar: at 1 the bar is E itself.
        #expect(RaterConsistency.classify(agreements: 65, scored: 100, expectedAgreement: 0.8, othersVotesPerModel: 100,
                                          criteria: .init(honestShare: 1)) == .random)
    }

    @Test func othersVotesPerModelCountsOnlyTheScoredComponents() throws {
        let t = Date(timeIntervalSince1970: 0)
        func vote(_ rater: String, _ a: Int, _ b: Int) -> RaterVote { RaterVote(rater: rater, a: a, b: b, outcome: .winA, createdAt: t) }
        // The others: 6 votes among 0, 1, 2 and 10 between 3 and 4; "me" is scored on 0–1 only.
        let others = (0..<3).flatMap { _ in [vote("x", 0, 1), vote("x", 1, 2)] } + (0..<10).map { _ in vote("y", 3, 4) }
        let me = try #require(try RaterAgreement.analyze(others + [vote("me", 0, 1)], modelCount: 5).first { $0.rater == "me" })
        #expect(me.scored == 1 && me.othersVotesPerModel == 4)        // 2 · 6 / 3
        let alone = try #require(try RaterAgreement.analyze([vote("me", 0, 1), vote("x", 3, 4)], modelCount: 5)
            .first { $0.rater == "me" })
        #expect(alone.scored == 0 && alone.othersVotesPerModel == nil)
    }
}
