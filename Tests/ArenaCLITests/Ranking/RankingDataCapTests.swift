@testable import ArenaCLI
import ArenaCore
import Foundation
import Testing

/// `--cap-per-day` counts only verdicts that pass every other filter.
@Suite struct RankingDataCapTests {
    static let morning = Date(timeIntervalSince1970: 1_700_000_000)   // all on one day, minutes apart

    static func vote(_ minute: Int, winner: Int = 0, models: [String] = ["alpha", "beta"], rater: String = "ana",
                     verdict: Verdict? = nil, blind: Bool = true, leaked: Bool = false, failedSeat: Int? = nil) -> RankingVote {
        let contenders = models.enumerated().map { seat, model in
            RankingVote.Contender(seatIndex: seat, model: model, failed: seat == failedSeat, finishReason: .stop,
                                  hasText: true, outputTokens: nil, text: nil)
        }
        let record = VerdictRecord(battleID: UUID(), turnIndex: 0, verdict: verdict ?? .seat(winner), rater: rater,
                                   createdAt: morning.addingTimeInterval(Double(minute) * 60), blind: blind)
        return RankingVote(record: record, battleBlind: true, mode: .ask, leaked: leaked, contenders: contenders)
    }

    /// Six of ana's verdicts that do not count, then three that do, in time order.
    static let votes: [RankingVote] = [
        vote(0, winner: 1),                                  // before --since
        vote(6, blind: false),                               // names were shown
        vote(7, leaked: true),                               // the leak guard flagged it
        vote(8, verdict: .skip),
        vote(9, failedSeat: 1),                              // one seat left that can win
        vote(10, models: ["alpha", "gamma"]),                // gamma is filtered out below
        vote(20), vote(21, winner: 1), vote(22),
    ]

    static var filter: RankingData.Filter {
        RankingData.Filter(since: morning.addingTimeInterval(5 * 60), model: { $0 != "gamma" }, capPerDay: 2)
    }

    @Test func verdictsThatDoNotCountLeaveTheAllowanceAlone() {
        let data = RankingData(votes: Self.votes, filter: Self.filter)
        // Before the fix the cap took ana's two earliest verdicts of the day (minutes 0 and 6),
        // both excluded anyway, and no verdict was left.
        #expect(data.verdicts == 2)
        #expect(data.comparisons.map(\.outcome) == [.winA, .winB])
        #expect(data.dates == [Self.morning.addingTimeInterval(20 * 60), Self.morning.addingTimeInterval(21 * 60)])
        #expect(data.excluded.overDailyCap == 1)
        #expect(data.excluded.notBlind == 1 && data.excluded.leaked == 1 && data.excluded.skipped == 1)
        #expect(data.excluded.failedSeats == 1)
        #expect(data.models == ["alpha", "beta"])
    }

    @Test func withoutTheCapEveryCountingVerdictCounts() {
        var open = Self.filter
        open.capPerDay = nil
        let data = RankingData(votes: Self.votes, filter: open)
        #expect(data.verdicts == 3 && data.excluded.overDailyCap == 0)
    }

    @Test func otherRatersHaveTheirOwnAllowance() {
        // bo's verdicts are filtered out by --rater; they neither count nor use ana's allowance.
        let votes = Self.votes + [Self.vote(23, rater: "bo"), Self.vote(24)]
        var onlyAna = Self.filter
        onlyAna.raters = ["ana"]
        let data = RankingData(votes: votes, filter: onlyAna)
        #expect(data.verdicts == 2 && data.excluded.overDailyCap == 2 && data.excluded.otherRaters == 1)
        #expect(data.raters == ["ana", "ana"])
    }
}
