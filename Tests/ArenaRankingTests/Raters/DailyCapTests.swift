import ArenaTestTraits
import Foundation
import Testing
@testable import ArenaRanking

@Suite(.ownThread) struct DailyCapTests {
    static let utc = TimeZone(identifier: "UTC")!

    static func at(_ iso: String) -> Date { try! Date(iso, strategy: .iso8601) }

    static func vote(_ rater: String, _ iso: String, _ a: Int = 0) -> RaterVote {
        RaterVote(rater: rater, a: a, b: a + 1, outcome: .winA, createdAt: at(iso))
    }

    @Test func keepsTheEarliestVotesOfEachRaterAndDay() throws {
        let votes = [
            Self.vote("ana", "2024-05-01T15:00:00Z", 2), Self.vote("ana", "2024-05-01T09:00:00Z", 0),
            Self.vote("bo", "2024-05-01T10:00:00Z", 0), Self.vote("ana", "2024-05-01T12:00:00Z", 1),
            Self.vote("ana", "2024-05-02T00:00:00Z", 3), Self.vote("ana", "2024-05-01T23:59:59Z", 4),
            Self.vote("bo", "2024-05-01T11:00:00Z", 1),
        ]
        let capped = try DailyCap(limit: 2, timeZone: Self.utc).apply(votes)
        // ana on May 1: 09:00, 12:00 kept; 15:00 and 23:59:59 dropped. May 2: one vote, kept.
        #expect(capped.kept.map(\.createdAt) == [votes[1], votes[3], votes[4], votes[2], votes[6]]
            .sorted { votes.firstIndex(of: $0)! < votes.firstIndex(of: $1)! }.map(\.createdAt))
        #expect(Set(capped.kept.filter { $0.rater == "ana" }.map(\.a)) == [0, 1, 3])
        #expect(capped.dropped == ["ana": 2, "bo": 0])
        #expect(capped.totalDropped == 2)
        // The same votes in any order keep the same votes.
        let shuffled = try DailyCap(limit: 2, timeZone: Self.utc).apply(votes.reversed())
        #expect(Set(shuffled.kept) == Set(capped.kept) && shuffled.dropped == capped.dropped)
    }

    @Test func equalTimesFallBackToInputOrder() throws {
        let votes = (0..<4).map { Self.vote("ana", "2024-05-01T09:00:00Z", $0) }
        let capped = try DailyCap(limit: 3, timeZone: Self.utc).apply(votes)
        #expect(capped.kept.map(\.a) == [0, 1, 2])
    }

    @Test func theDayIsTheCalendarDayInTheGivenTimeZone() throws {
        // 23:30 UTC on 1 March is already 08:30 on 2 March in Tokyo.
        let votes = [Self.vote("ana", "2024-03-01T23:30:00Z", 0), Self.vote("ana", "2024-03-02T00:30:00Z", 1),
                     Self.vote("ana", "2024-03-02T00:40:00Z", 2)]
        let inUTC = try DailyCap(limit: 2, timeZone: Self.utc).apply(votes)
        #expect(inUTC.kept.count == 3 && inUTC.dropped["ana"] == 0)
        let inTokyo = try DailyCap(limit: 2, timeZone: TimeZone(identifier: "Asia/Tokyo")!).apply(votes)
        #expect(inTokyo.kept.map(\.a) == [0, 1] && inTokyo.dropped["ana"] == 1)
        // Los Angeles (UTC−8): 15:30 and 16:30/16:40 on 1 March, one day.
        let inLA = try DailyCap(limit: 2, timeZone: TimeZone(identifier: "America/Los_Angeles")!).apply(votes)
        #expect(inLA.kept.map(\.a) == [0, 1])
    }

    @Test func aDaylightSavingDayIsOneDay() throws {
        // New York springs forward on 10 March 2024: 00:30 EST (05:30Z) and 23:30 EDT (03:30Z next
        // UTC day) are the same local day, 00:10 EDT on 11 March (04:10Z) is the next one.
        let ny = DailyCap(limit: 1, timeZone: TimeZone(identifier: "America/New_York")!)
        let votes = [Self.vote("ana", "2024-03-10T05:30:00Z", 0), Self.vote("ana", "2024-03-11T03:30:00Z", 1),
                     Self.vote("ana", "2024-03-11T04:10:00Z", 2)]
        let capped = try ny.apply(votes)
        #expect(capped.kept.map(\.a) == [0, 2] && capped.dropped["ana"] == 1)
        #expect(ny.day(of: Self.at("2024-03-11T03:59:59Z")) + 1 == ny.day(of: Self.at("2024-03-11T04:00:00Z")))
    }

    @Test func limitsAtTheEdges() throws {
        let votes = [Self.vote("ana", "2024-05-01T09:00:00Z"), Self.vote("bo", "2024-05-01T09:00:00Z")]
        let none = try DailyCap(limit: 0, timeZone: Self.utc).apply(votes)
        #expect(none.kept.isEmpty && none.dropped == ["ana": 1, "bo": 1])
        #expect(throws: RankingError.self) { try DailyCap(limit: -1).apply(votes) }
        #expect(try DailyCap(limit: 5).apply([]) == CappedVotes(kept: [], dropped: [:]))
    }

    @Test func capsASimulatedTeamPerDay() throws {
        // 300 votes 10 minutes apart per rater = 50 hours; at most 40 per UTC day survive.
        let sim = RaterSimulator(ratings: [1100, 1000, 900])
        let votes = sim.votes(by: "ana", behaviour: .honest, count: 300, seed: 1, spacing: 600)
            + sim.votes(by: "bo", behaviour: .random, count: 30, seed: 2, spacing: 600)
        let cap = DailyCap(limit: 40, timeZone: Self.utc)
        let capped = try cap.apply(votes)
        let perDay = Dictionary(grouping: capped.kept) { "\($0.rater) \(cap.day(of: $0.createdAt))" }
        #expect(perDay.values.allSatisfy { $0.count <= 40 })
        #expect(capped.dropped["bo"] == 0 && capped.kept.count + capped.totalDropped == votes.count)
        #expect(try cap.apply(votes) == capped)
    }
}
