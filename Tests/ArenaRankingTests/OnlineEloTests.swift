import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct OnlineEloTests {
    @Test func matchesAHandComputedSequence() throws {
        let battles = [Comparison(a: 0, b: 1, outcome: .winA), Comparison(a: 1, b: 2, outcome: .tie),
                       Comparison(a: 2, b: 0, outcome: .winA)]
        let ratings = try OnlineElo.ratings(battles, modelCount: 3)
        // 1: equal ratings, e = ½ → 0: 1002, 1: 998.
        var r = [1002.0, 998, 1000]
        // 2: 1 (998) ties 2 (1000).
        var e = 1 / (1 + pow(10, (r[2] - r[1]) / 400))
        r[1] += 4 * (0.5 - e); r[2] -= 4 * (0.5 - e)
        // 3: 2 beats 0.
        e = 1 / (1 + pow(10, (r[0] - r[2]) / 400))
        r[2] += 4 * (1 - e); r[0] -= 4 * (1 - e)
        #expect(Fixtures.maxDifference(ratings, r) < 1e-12)
        #expect(abs(ratings.reduce(0, +) / 3 - 1000) < 1e-9)
        #expect(abs(r[0] - 999.9885) < 1e-3)   // sanity of the hand computation itself
    }

    @Test func orderMatters() throws {
        let battles = Fixtures.repeated(0, 1, .winA, 5) + Fixtures.repeated(0, 1, .winB, 5)
        let forward = try OnlineElo.ratings(battles, modelCount: 2)
        let backward = try OnlineElo.ratings(battles.reversed(), modelCount: 2)
        #expect(forward[0] < 1000 && backward[0] > 1000)
    }

    @Test func anchorsShiftTheScale() throws {
        let ratings = try OnlineElo.ratings(Fixtures.caseA, modelCount: 3, anchor: .model(1, rating: 1200))
        #expect(ratings[1] == 1200)
        #expect(throws: RankingError.self) { try OnlineElo.ratings([Comparison(a: 0, b: 3, outcome: .winA)], modelCount: 3) }
    }
}
