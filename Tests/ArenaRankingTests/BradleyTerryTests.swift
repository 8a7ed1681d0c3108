import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct BradleyTerryTests {
    @Test func twoModelsMatchTheClosedForm() throws {
        // 3 wins to 1: the MLE gap is 400·log10(3) exactly, mean anchored at 1000.
        let battles = Fixtures.repeated(0, 1, .winA, 2) + Fixtures.repeated(1, 0, .winB, 1) + Fixtures.repeated(1, 0, .winA, 1)
        let fit = try BradleyTerry.fit(Fixtures.counts(battles, models: 2), options: .init(prior: .none))
        let gap = 400 * log10(3.0)
        #expect(abs(fit.ratings[0] - (1000 + gap / 2)) < 1e-9)
        #expect(abs(fit.ratings[1] - (1000 - gap / 2)) < 1e-9)
        #expect(fit.mleExists && fit.converged)
    }

    @Test func tiesCountHalfAWinEachWay() throws {
        // 2 wins, 1 loss, 1 tie, 1 both-bad → 3 : 2 half-win odds.
        let battles = Fixtures.repeated(0, 1, .winA, 2) + [Comparison(a: 0, b: 1, outcome: .winB),
                      Comparison(a: 1, b: 0, outcome: .tie), Comparison(a: 0, b: 1, outcome: .bothBad)]
        let fit = try BradleyTerry.fit(Fixtures.counts(battles, models: 2), options: .init(prior: .none))
        #expect(abs(fit.ratings[0] - fit.ratings[1] - 400 * log10(3.0 / 2.0)) < 1e-9)
    }

    @Test func threeModelsMatchScipyWithoutPrior() throws {
        let fit = try BradleyTerry.fit(Fixtures.counts(Fixtures.caseA), options: .init(prior: .none))
        #expect(Fixtures.maxDifference(fit.ratings, ReferenceValues.caseABradleyTerryNoPrior) < 1e-6)
    }

    @Test func threeModelsMatchScipyWithVirtualTiePrior() throws {
        let fit = try BradleyTerry.fit(Fixtures.counts(Fixtures.caseA))
        #expect(Fixtures.maxDifference(fit.ratings, ReferenceValues.caseABradleyTerryVirtualTie) < 1e-6)
        #expect(fit.flags == [[], [], []])
    }

    @Test func pinnedAnchorShiftsOnlyTheOffset() throws {
        let counts = try Fixtures.counts(Fixtures.caseA)
        let pinned = try BradleyTerry.fit(counts, options: .init(anchor: .model(2, rating: 1114)))
        #expect(Fixtures.maxDifference(pinned.ratings, ReferenceValues.caseABradleyTerryAnchored) < 1e-6)
        #expect(pinned.ratings[2] == 1114)
    }

    @Test func fastChatPriorReproducesFschat0236() throws {
        let fit = try BradleyTerry.fit(Fixtures.counts(Fixtures.caseA), options: .init(prior: .fastChat()))
        #expect(Fixtures.maxDifference(fit.ratings, ReferenceValues.caseAFastChat0236) < 1e-6)
    }

    @Test func undefeatedModelGetsAFiniteFlaggedRating() throws {
        let counts = try Fixtures.counts(Fixtures.caseB)
        let fit = try BradleyTerry.fit(counts)
        #expect(Fixtures.maxDifference(fit.ratings, ReferenceValues.caseBBradleyTerryVirtualTie) < 1e-6)
        #expect(fit.flags[0] == .undefeated)
        #expect(fit.flags[1] == [] && fit.flags[2] == [])
        #expect(!fit.mleExists)
        #expect(fit.ratings.allSatisfy { $0.isFinite })
    }

    @Test func withoutPriorAnUndefeatedModelThrows() throws {
        let counts = try Fixtures.counts(Fixtures.caseB)
        let error = #expect(throws: RankingError.self) { try BradleyTerry.fit(counts, options: .init(prior: .none)) }
        #expect(error?.code == .mleDoesNotExist)
    }

    @Test func disconnectedGroupsStayFiniteWithThePrior() throws {
        // {0, 1} and {2, 3} never met: relative level undetermined without the prior.
        let battles = Fixtures.repeated(0, 1, .winA, 3) + Fixtures.repeated(1, 0, .winA, 2)
            + Fixtures.repeated(2, 3, .winA, 4) + Fixtures.repeated(3, 2, .winA, 1)
        let fit = try BradleyTerry.fit(Fixtures.counts(battles, models: 4))
        #expect(!fit.mleExists)
        #expect(fit.ratings.allSatisfy { $0.isFinite })
        #expect(fit.ratings[0] > fit.ratings[1] && fit.ratings[2] > fit.ratings[3])
    }

    @Test func symmetricDataGivesEqualRatings() throws {
        // A rock-paper-scissors cycle, 5–2 each way, plus ties: every model is equal by symmetry.
        var battles: [Comparison] = []
        for (i, j) in [(0, 1), (1, 2), (2, 0)] {
            battles += Fixtures.repeated(i, j, .winA, 5) + Fixtures.repeated(j, i, .winA, 2) + Fixtures.repeated(i, j, .tie, 1)
        }
        for prior in [Prior.none, .default, .fastChat()] {
            let fit = try BradleyTerry.fit(Fixtures.counts(battles), options: .init(prior: prior))
            #expect(Fixtures.maxDifference(fit.ratings, [1000, 1000, 1000]) < 1e-9)
            let davidson = try Davidson.fit(Fixtures.counts(battles), options: .init(prior: prior))
            #expect(Fixtures.maxDifference(davidson.ratings, [1000, 1000, 1000]) < 1e-9)
        }
    }

    @Test func unplayedModelIsFlaggedAndKeptOutOfTheMean() throws {
        let battles = Fixtures.repeated(0, 1, .winA, 3) + Fixtures.repeated(1, 0, .winA, 1)
        let fit = try BradleyTerry.fit(Fixtures.counts(battles, models: 3), options: .init(prior: .none))
        #expect(fit.flags[2] == .unplayed)
        #expect(abs((fit.ratings[0] + fit.ratings[1]) / 2 - 1000) < 1e-9)
    }

    @Test func seatOrderDoesNotMatter() throws {
        let swapped = Fixtures.caseA.map(\.swapped)
        let original = try BradleyTerry.fit(Fixtures.counts(Fixtures.caseA))
        let mirrored = try BradleyTerry.fit(Fixtures.counts(swapped))
        #expect(Fixtures.maxDifference(original.ratings, mirrored.ratings) < 1e-9)
    }

    @Test func invalidComparisonsAreRejected() {
        var counts = ComparisonCounts(modelCount: 2)
        #expect(throws: RankingError.self) { try counts.add(Comparison(a: 0, b: 2, outcome: .winA)) }
        #expect(throws: RankingError.self) { try counts.add(Comparison(a: 1, b: 1, outcome: .tie)) }
        #expect(counts.totalBattles == 0)
    }

    @Test func countsAreKeptBySeat() throws {
        let counts = try Fixtures.counts(Fixtures.caseA)
        #expect(counts.wins(of: 0, over: 1) == 3)
        #expect(counts.wins(of: 1, over: 0) == 1)
        #expect(counts.count(.winA, a: 0, b: 1) == 2)
        #expect(counts.count(.winB, a: 1, b: 0) == 1)
        #expect(counts.battles(between: 1, and: 2) == 4)
        #expect(counts.record(of: 1) == ModelRecord(wins: 3, losses: 4, ties: 1, bothBad: 1))
    }
}
