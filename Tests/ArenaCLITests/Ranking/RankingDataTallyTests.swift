@testable import ArenaCLI
import ArenaTestTraits
import ArenaCore
import ArenaRanking
import Foundation
import Testing

/// A leaderboard read from the store's tallies is the leaderboard read from the verdicts: the
/// same models, counts, battles, exclusions and, with the same seed, the same ratings and
/// intervals — over seeded random verdicts of every kind and every filter the tallies serve.
@Suite(.ownThread) struct RankingDataTallyTests {
    static let models = ["m-a", "m-b", "m-c", "m-d", "m-e", "m-f"]

    static func randomVotes(count: Int, seed: UInt64, maxSeats: Int) -> [RankingVote] {
        var random = SeededGenerator(seed: seed)
        func roll(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        return (0..<count).map { number in
            let seats = 2 + roll(maxSeats - 1)
            let start = roll(models.count)
            let contenders = (0..<seats).map { seat -> RankingVote.Contender in
                let kind = roll(12)
                return RankingVote.Contender(seatIndex: seat, model: models[(start + seat * (1 + number % 2)) % models.count],
                                             failed: kind == 0, finishReason: kind == 1 ? .cancelled : .stop,
                                             hasText: kind != 2, outputTokens: nil, text: nil)
            }
            var options: [Verdict] = [.tie, .bothBad, .skip, .seat(roll(seats)), .seat(roll(seats)), .seat(0)]
            if seats >= 3 { options += ["C>A=B", "B>C", "A=C>B", "C>B>A"].compactMap { try? Verdict.parse($0, seatCount: seats) } }
            let record = VerdictRecord(battleID: UUID(), turnIndex: 0, verdict: options[roll(options.count)],
                                       rater: ["ana", "ben", "cy"][roll(3)],
                                       createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * 60), blind: roll(15) != 0)
            return RankingVote(record: record, battleBlind: roll(20) != 0, mode: roll(6) == 0 ? .imported : .screen,
                               leaked: roll(10) == 0, contenders: contenders)
        }
    }

    static func multiset<T: Hashable>(_ items: [T]) -> [T: Int] { Dictionary(items.map { ($0, 1) }, uniquingKeysWith: +) }

    static func filters() -> [(String, RankingData.Filter)] {
        var leaked = RankingData.Filter()
        leaked.includeLeaked = true
        var raters = RankingData.Filter()
        raters.raters = ["ana", "cy"]
        var tagged = RankingData.Filter()
        tagged.model = { $0 != "m-c" }
        return [("default", .init()), ("include leaked", leaked), ("two raters", raters), ("a tag", tagged)]
    }

    @Test(arguments: [(UInt64(1), 2), (2, 2), (3, 4), (4, 8)])
    func talliesGiveTheSameLeaderboardAsVerdicts(seed: UInt64, maxSeats: Int) throws {
        let votes = Self.randomVotes(count: 1_500, seed: seed, maxSeats: maxSeats)
        let tallies = RankingTally.of(votes)
        if maxSeats == 2 { #expect(tallies.count < votes.count / 2) }  // many seatings repeat
        var shuffler = SeededGenerator(seed: seed + 1000)
        for (name, filter) in Self.filters() {
            let fromVotes = RankingData(votes: votes, filter: filter)
            let fromTallies = RankingData(tallies: tallies.shuffled(using: &shuffler), filter: filter)
            #expect(fromTallies.models == fromVotes.models, "\(name)")
            #expect(fromTallies.verdicts == fromVotes.verdicts && fromTallies.verdicts > 100, "\(name)")
            #expect(fromTallies.excluded == fromVotes.excluded, "\(name)")
            #expect(try fromTallies.counts() == fromVotes.counts(), "\(name)")
            #expect(Self.multiset(fromTallies.rankedBattles) == Self.multiset(fromVotes.rankedBattles), "\(name)")
            #expect(Self.multiset(fromTallies.raters) == Self.multiset(fromVotes.raters), "\(name)")
            #expect(fromTallies.dates.isEmpty && !fromTallies.hasDates && fromVotes.hasDates)
            for ties in LeaderboardComputation.Ties.allCases {
                let options = LeaderboardComputation.Options(ties: ties, rounds: 50, seed: 9)
                let left = try LeaderboardComputation(data: fromVotes, options: options)
                let right = try LeaderboardComputation(data: fromTallies, options: options)
                #expect(left.ratings == right.ratings, "\(name), \(ties)")
                #expect(left.bootstrap.intervals() == right.bootstrap.intervals(), "\(name), \(ties)")
                #expect(left.usesRankings == right.usesRankings && left.usesRankings == (maxSeats > 2))
            }
        }
    }
}
