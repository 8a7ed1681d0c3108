import ArenaTestTraits
import Testing
@testable import ArenaRanking

/// Ranks never improve down the table, and are given only within a comparison component.
@Suite(.ownThread) struct LeaderboardComponentTests {
    static func counts(_ pairs: [(Int, Int)], models: Int) throws -> ComparisonCounts {
        try ComparisonCounts(modelCount: models, comparisons: pairs.flatMap { a, b in
            [Comparison(a: a, b: b, outcome: .winA), Comparison(a: b, b: a, outcome: .winA), Comparison(a: a, b: b, outcome: .tie)]
        })
    }

    @Test func twoComponentsAreRankedSeparately() throws {
        // 0, 1, 2 met each other; 3 and 4 met each other; never across.
        let counts = try Self.counts([(0, 1), (1, 2), (0, 2), (3, 4)], models: 6)    // 5 never played
        let ratings = [1100.0, 1000, 900, 1200, 950, 1000]
        let intervals: [ClosedRange<Double>] = [1080...1120, 980...1020, 880...920, 1180...1220, 930...970, 1000...1000]
        let rows = Leaderboard.rows(ratings: ratings, intervals: intervals, counts: counts, minimumComparisons: 0)
        #expect(rows.map(\.model) == [0, 1, 2, 3, 4])
        #expect(rows.map(\.component) == [0, 0, 0, 1, 1])
        #expect(rows.map(\.rank) == [1, 2, 3, 1, 2])
        // Model 3 is rated above everyone, yet ranks only within its own pair: no rank across blocks.
        #expect(rows[3].rating > rows[0].rating)
        #expect(rows[4].record == ModelRecord(wins: 1, losses: 1, ties: 1, bothBad: 0))
    }

    @Test func theLargerComponentComesFirstWhateverItsRatings() throws {
        let counts = try Self.counts([(0, 1), (2, 3), (3, 4)], models: 5)
        let ratings = [1300.0, 1250, 1000, 900, 800]
        let intervals = ratings.map { $0 - 10...$0 + 10 }
        let rows = Leaderboard.rows(ratings: ratings, intervals: intervals, counts: counts, minimumComparisons: 0)
        #expect(rows.map(\.model) == [2, 3, 4, 0, 1])
        #expect(rows.map(\.component) == [0, 0, 0, 1, 1])
        #expect(rows.map(\.rank) == [1, 2, 3, 1, 2])
    }

    @Test func aWideIntervalLowInTheTableTakesTheRankOfTheRowAbove() throws {
        // Sorted by rating: A (1110, 1090…1130), B (1065, 1050…1080), C (1040, 900…1095).
        // Raw ranks: A 1; B 2 (A's lower bound 1090 is above B's 1080); C 1 (no lower bound above
        // 1095) — C, below B in the table, would rank better than B.
        let intervals: [ClosedRange<Double>] = [1090...1130, 1050...1080, 900...1095]
        #expect(Leaderboard.ranks(intervals: intervals) == [1, 2, 1])
        let counts = try Self.counts([(0, 1), (1, 2), (0, 2)], models: 3)
        let rows = Leaderboard.rows(ratings: [1110, 1065, 1040], intervals: intervals, counts: counts, minimumComparisons: 0)
        #expect(rows.map(\.model) == [0, 1, 2])
        #expect(rows.map(\.rank) == [1, 2, 2])
        #expect(Leaderboard.monotone([1, 2, 1, 4, 3, 6]) == [1, 2, 2, 4, 4, 6])
    }

    @Test func ranksNeverDecreaseDownEachBlockOnSimulatedData() throws {
        // Bootstrap intervals of a simulated tournament, some wide: each block's ranks are
        // non-decreasing and start at 1.
        let sim = BattleSimulator(ratings: [1200, 1190, 1100, 1095, 1000, 990, 900, 850], tieParameter: 0.2)
        for seed in UInt64(1)...5 {
            let counts = try ComparisonCounts(modelCount: 8, comparisons: sim.comparisons(count: 120, seed: seed))
            let fit = try BradleyTerry.fit(counts)
            let boot = try Bootstrap.ratings(counts, rounds: 60, seed: seed)
            let rows = Leaderboard.rows(ratings: fit.ratings, intervals: boot.intervals(), counts: counts, flags: fit.flags)
            for component in Set(rows.map(\.component)) {
                let ranks = rows.filter { $0.component == component }.map(\.rank)
                #expect(ranks.first == 1 && zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 }, "seed \(seed): \(ranks)")
            }
        }
    }
}

@Suite(.ownThread) struct TooFewVotesTests {
    @Test func aModelWithAHandfulOfVotesIsListedButNotRankedAndPushesNobodyDown() throws {
        // 0 and 1 played 40 times; 2 won all 3 of its battles against 0 (narrow bootstrap, high rating).
        let comparisons = Fixtures.repeated(0, 1, .winA, 25) + Fixtures.repeated(0, 1, .winB, 15) + Fixtures.repeated(2, 0, .winA, 3)
        let counts = try Fixtures.counts(comparisons)
        let intervals: [ClosedRange<Double>] = [1020...1060, 960...1000, 1200...1300]
        let rows = Leaderboard.rows(ratings: [1040, 980, 1250], intervals: intervals, counts: counts)
        #expect(rows.map(\.model) == [2, 0, 1])
        #expect(rows.map(\.hasTooFewVotes) == [true, false, false])
        #expect(rows[1].rank == 1 && rows[2].rank == 2)
        // Asked for no minimum, model 2's interval is above everyone's and it pushes them down.
        let all = Leaderboard.rows(ratings: [1040, 980, 1250], intervals: intervals, counts: counts, minimumComparisons: 0)
        #expect(all.map(\.rank) == [1, 2, 3])
    }
}
