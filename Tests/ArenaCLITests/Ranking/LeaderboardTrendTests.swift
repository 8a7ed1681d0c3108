@testable import ArenaCLI
import ArenaCore
import ArenaTestTraits
import Foundation
import Testing

/// `--trend` and `--until`: a model that gets better week by week rises in the weekly ratings,
/// the weeks are the calendar's, and a window leaves out what falls outside it.
@Suite(.ownThread) struct LeaderboardTrendTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// "rising" loses most of its battles against "steady" in week 0 and wins most by week 5.
    static func votes() -> [RankingVote] {
        var random = SeededGenerator(seed: 5)
        let start = Date(timeIntervalSince1970: 1_767_571_200)  // Monday 2026-01-05, UTC
        var votes: [RankingVote] = []
        for week in 0..<6 {
            for index in 0..<60 {
                let when = start.addingTimeInterval(Double(week) * 7 * 86_400 + Double(index) * 3_600)
                let risingWins = Double(random.next() % 1000) / 1000 < 0.2 + 0.12 * Double(week)
                let contenders = ["rising", "steady"].enumerated().map {
                    RankingVote.Contender(seatIndex: $0.offset, model: $0.element, failed: false, finishReason: .stop,
                                          hasText: true, outputTokens: nil, text: nil)
                }
                let record = VerdictRecord(battleID: UUID(), turnIndex: 0, verdict: .seat(risingWins ? 0 : 1), rater: "ana", createdAt: when)
                votes.append(RankingVote(record: record, battleBlind: true, mode: .screen, leaked: false, contenders: contenders))
            }
        }
        return votes
    }

    @Test func aModelThatImprovesRisesWeekByWeek() throws {
        let data = RankingData(votes: Self.votes(), filter: .init())
        let trend = LeaderboardTrend(data: data, weeks: 8, calendar: Self.calendar)
        #expect(trend.weekEnds.count == 6)
        let rising = try #require(trend.lines.first { $0.model == "rising" }).ratings.compactMap { $0 }
        #expect(rising.count == 6)
        #expect(zip(rising, rising.dropFirst()).allSatisfy { $0 < $1 }, "\(rising)")
        let text = trend.text()
        #expect(text.hasPrefix("Weekly trend (rating at the end of each of the last 6 weeks"))
        let risingLine = try #require(text.split(separator: "\n").first { $0.contains("rising") })
        // One scale for every model: rising starts at the bottom, steady (its mirror) at the top.
        let cells = risingLine.filter { LeaderboardTrend.bars.contains($0) }.compactMap { LeaderboardTrend.bars.firstIndex(of: $0) }
        #expect(cells.count == 6 && cells.first == 0 && cells.last! > 3 && zip(cells, cells.dropFirst()).allSatisfy { $0 <= $1 })
        let steadyLine = try #require(text.split(separator: "\n").first { $0.contains("steady") })
        #expect(steadyLine.contains("█"))
        // At most the weeks asked for, the newest ones.
        #expect(LeaderboardTrend(data: data, weeks: 3, calendar: Self.calendar).weekEnds == Array(trend.weekEnds.suffix(3)))
    }

    @Test func untilLeavesOutLaterVerdictsAndSinceEarlierOnes() {
        let votes = Self.votes()
        let start = Date(timeIntervalSince1970: 1_767_571_200)
        var window = RankingData.Filter()
        window.since = start.addingTimeInterval(7 * 86_400)
        window.until = start.addingTimeInterval(14 * 86_400)
        let data = RankingData(votes: votes, filter: window)
        #expect(data.verdicts == 60)
        #expect(data.dates.allSatisfy { $0 >= window.since! && $0 < window.until! })
    }
}
