import ArenaTestTraits
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct LeaderboardTests {
    @Test func rankCountsModelsWhoseLowerBoundIsAboveMyUpperBound() {
        let intervals: [ClosedRange<Double>] = [1090...1130, 1070...1100, 1000...1060, 900...1080, 880...920]
        // 0: nobody above → 1.  1: nobody's lower > 1100 → 1.  2: 0 and 1 have lower > 1060 → 3.
        // 3: nobody's lower > 1080 except 0 (1090) → 2.  4: 0, 1, 2 above 920 → 4.
        #expect(Leaderboard.ranks(intervals: intervals) == [1, 1, 3, 2, 4])
    }

    @Test func rowsAreSortedAndCarryRecords() throws {
        let counts = try Fixtures.counts(Fixtures.caseA, models: 4)     // model 3 never played
        let ratings = [1080.0, 980, 940, 1000]
        let intervals: [ClosedRange<Double>] = [1040...1120, 940...1020, 900...975, 1000...1000]
        let rows = Leaderboard.rows(ratings: ratings, intervals: intervals, counts: counts,
                                    flags: [[], [], [.winless], [.unplayed]], minimumComparisons: 0)
        #expect(rows.map(\.model) == [0, 1, 2])
        #expect(rows.map(\.rank) == [1, 2, 2])
        #expect(rows[0].record == ModelRecord(wins: 5, losses: 2, ties: 2, bothBad: 0))
        #expect(rows[2].flags == .winless)
    }

    @Test func whiskerPlotDrawsIntervalsOnASharedAxis() {
        let rows = [
            LeaderboardRow(rank: 1, model: 0, rating: 1100, interval: 1080...1120, record: .init(), flags: []),
            LeaderboardRow(rank: 2, model: 1, rating: 1020, interval: 1000...1040, record: .init(), flags: []),
            LeaderboardRow(rank: 3, model: 2, rating: 1000, interval: 1000...1000, record: .init(), flags: []),
        ]
        let plot = WhiskerPlot(rows: rows, width: 13)
        #expect(plot.axis == 1000...1120)
        #expect(plot.lines == [
            "        ├─●─┤",
            "├─●─┤        ",
            "●            ",
        ])
    }
}

@Suite(.ownThread) struct PairAnalysisTests {
    @Test func matricesCountBothSeatsAndIgnoreTiesInWinRates() throws {
        let counts = try Fixtures.counts(Fixtures.caseA)
        let ratings = [1080.0, 980, 940]
        let boot = BootstrapResult(modelCount: 3, rounds: 4, replicates: [
            1080, 980, 940, 1070, 990, 940, 1090, 950, 960, 1060, 1000, 940,
        ])
        let pairs = PairAnalysis(counts: counts, ratings: ratings, bootstrap: boot)
        #expect(pairs.winRates[0][1] == 0.75)            // 3 of 4 decisive
        #expect(pairs.winRates[1][0] == 0.25)
        #expect(pairs.winRates[1][2] == 2.0 / 3.0)       // both-bad ignored
        #expect(pairs.winRates[0][0] == nil)
        #expect(pairs.battleCounts[1][2] == 4 && pairs.battleCounts[2][1] == 4)
        #expect(pairs.order == [0, 1, 2])
        #expect(pairs.neighbours.count == 2)
        let top = pairs.neighbours[0]
        #expect(top.higher == 0 && top.lower == 1 && top.gap == 100)
        #expect(top.probabilityOrderRight == 1 && top.gap == 100)
        // 13 verdicts cannot settle anything under a rule that may be checked after every vote.
        #expect(!top.isSettled && (top.votesNeeded?.estimate ?? 0) > 0)
        let second = pairs.neighbours[1]
        #expect(second.probabilityOrderRight == 0.75 && !second.isSettled)
        // The decision uses the model-based error of the gap, not the bootstrap's spread.
        let covariance = try GapCovariance(counts: counts, ratings: ratings)
        let error = try #require(covariance.standardError(between: 1, and: 2))
        #expect(second.standardError == error && second.gap == 40 && second.sameComponent)
        // Votes involving 1 or 2: 9 + 8 − 4 = 13.
        #expect(second.votes == 13)
        let expected = AnytimeOrder().votesNeeded(gapPoints: 40, standardError: error, votes: 13)
        #expect(second.votesNeeded == expected && (expected?.estimate ?? 0) > 0)
        #expect(pairs.pairs.count == 3 && pairs.pairs.allSatisfy(\.sameComponent))
    }

    @Test func stoppingRuleSolvesForTheVotes() {
        // z₀.₉₅ = 1.6449; ratio = 1.6449·9/12 = 1.2337; m = 800·(1.2337² − 1) = 417.5 → 418.
        #expect(StoppingRule.votesNeeded(gap: 12, standardError: 9, votes: 800) == 418)
        #expect(StoppingRule.votesNeeded(gap: 30, standardError: 9, votes: 800) == 0)
        #expect(StoppingRule.votesNeeded(gap: 0, standardError: 9, votes: 800) == nil)
        #expect(StoppingRule.votesNeeded(gap: 12, standardError: 9, votes: 0) == nil)
        // 418 more votes are enough; 417 are not.
        #expect(StoppingRule.probabilityOrderRight(gap: 12, standardError: 9 * (800.0 / 1218).squareRoot()) >= 0.95)
        #expect(StoppingRule.probabilityOrderRight(gap: 12, standardError: 9 * (800.0 / 1217).squareRoot()) < 0.95)
    }
}
