import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct DavidsonTests {
    @Test func twoModelsMatchTheClosedForm() throws {
        // With W wins, L losses and T ties: e^{θ₀−θ₁} = W/L and ν = T/√(WL).
        let battles = Fixtures.repeated(0, 1, .winA, 6) + Fixtures.repeated(0, 1, .winB, 2)
            + Fixtures.repeated(1, 0, .tie, 3) + Fixtures.repeated(0, 1, .bothBad, 1)
        let fit = try Davidson.fit(Fixtures.counts(battles, models: 2), options: .init(prior: .none))
        #expect(abs(fit.ratings[0] - fit.ratings[1] - 400 * log10(3.0)) < 1e-9)
        #expect(abs(fit.tieParameter! - 4 / 12.0.squareRoot()) < 1e-12)
    }

    @Test func threeModelsMatchScipy() throws {
        let counts = try Fixtures.counts(Fixtures.caseA)
        let plain = try Davidson.fit(counts, options: .init(prior: .none))
        #expect(Fixtures.maxDifference(plain.ratings, ReferenceValues.caseADavidsonNoPrior) < 1e-6)
        #expect(abs(plain.tieParameter! - ReferenceValues.caseADavidsonNoPriorNu) < 1e-8)
        let prior = try Davidson.fit(counts)
        #expect(Fixtures.maxDifference(prior.ratings, ReferenceValues.caseADavidsonVirtualTie) < 1e-6)
        #expect(abs(prior.tieParameter! - ReferenceValues.caseADavidsonVirtualTieNu) < 1e-8)
    }

    @Test func withoutTiesItIsBradleyTerry() throws {
        let battles = Fixtures.caseA.filter { !$0.outcome.isTie }
        let counts = try Fixtures.counts(battles)
        let davidson = try Davidson.fit(counts)
        let bt = try BradleyTerry.fit(counts)
        #expect(davidson.tieParameter == 0)
        #expect(Fixtures.maxDifference(davidson.ratings, bt.ratings) < 1e-9)
    }

    @Test func recoversTrueGapsWhereHalfWinsCompressThem() throws {
        // Many ties (ν = 1.5 → 43% ties between equals): half-win BT shrinks the spread, Davidson not.
        let truth = [1150.0, 1050, 950, 850]
        let battles = BattleSimulator(ratings: truth, tieParameter: 1.5, bothBadShare: 0.3).comparisons(count: 40_000, seed: 11)
        let counts = try Fixtures.counts(battles, models: 4)
        let davidson = try Davidson.fit(counts)
        let bt = try BradleyTerry.fit(counts)
        let spread = { (r: [Double]) in r[0] - r[3] }
        #expect(abs(spread(davidson.ratings) - 300) < 20)
        #expect(spread(bt.ratings) < 0.9 * spread(davidson.ratings))
        #expect(abs(davidson.tieParameter! - 1.5) < 0.05)
        #expect(abs(davidson.equalModelTieProbability! - 1.5 / 3.5) < 0.01)
    }

    @Test func allTiesStayFiniteWithThePrior() throws {
        let battles = Fixtures.repeated(0, 1, .tie, 5) + Fixtures.repeated(1, 2, .tie, 5)
        let fit = try Davidson.fit(Fixtures.counts(battles))
        #expect(fit.tieParameter!.isFinite)
        #expect(Fixtures.maxDifference(fit.ratings, [1000, 1000, 1000]) < 1e-6)
        #expect(throws: RankingError.self) { try Davidson.fit(Fixtures.counts(battles), options: .init(prior: .none)) }
    }
}
