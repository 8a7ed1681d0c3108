import Foundation

/// At most `limit` votes per rater per calendar day, keeping each day's earliest: one prolific or
/// scripted rater cannot outweigh the team.
///
/// ```swift
/// let cap = DailyCap(limit: 50, timeZone: TimeZone(identifier: "Europe/Berlin")!)
/// let capped = try cap.apply(votes)
/// capped.kept                  // the surviving votes, in input order
/// capped.dropped["ana"]        // how many of ana's votes were over the cap (0 if none)
/// ```
///
/// A vote's day is the calendar day of `createdAt` in `timeZone` (default: the machine's), taken
/// at that instant, so days are 23 or 25 hours long across a daylight-saving change and a vote at
/// 23:30 UTC can fall on the next day in Tokyo. Within one rater and day, votes are ordered by
/// `createdAt`, equal times by their position in the input, and the first `limit` are kept. Which
/// votes survive depends only on the votes, the limit and the time zone (input order matters only
/// between votes with identical times), never on the clock.
/// Traps: a rater who spreads votes over midnight gets two allowances; change the time zone and
/// different votes survive. `limit == 0` drops everything.
public struct DailyCap: Sendable, Equatable {
    /// Votes kept per rater per day.
    public var limit: Int
    /// Where calendar days begin and end.
    public var timeZone: TimeZone

    public init(limit: Int, timeZone: TimeZone = .current) {
        self.limit = limit
        self.timeZone = timeZone
    }

    /// Applies the cap; throws `invalidArgument` for a negative limit.
    public func apply(_ votes: [RaterVote]) throws(RankingError) -> CappedVotes {
        guard limit >= 0 else { throw RankingError(.invalidArgument, "daily limit must not be negative") }
        struct Key: Hashable { let rater: String; let day: Int }
        var groups: [Key: [Int]] = [:]
        var dropped: [String: Int] = [:]
        for (index, vote) in votes.enumerated() {
            groups[Key(rater: vote.rater, day: day(of: vote.createdAt)), default: []].append(index)
            dropped[vote.rater] = 0
        }
        var keep = [Bool](repeating: false, count: votes.count)
        for (key, indices) in groups {
            let earliest = indices.sorted {
                votes[$0].createdAt != votes[$1].createdAt ? votes[$0].createdAt < votes[$1].createdAt : $0 < $1
            }
            for index in earliest.prefix(limit) { keep[index] = true }
            dropped[key.rater, default: 0] += max(0, indices.count - limit)
        }
        let kept = votes.indices.filter { keep[$0] }.map { votes[$0] }
        return CappedVotes(kept: kept, dropped: dropped)
    }

    /// Days since 1970-01-01 in `timeZone`: the local calendar day of `date` as one integer.
    public func day(of date: Date) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }
}

/// The outcome of `DailyCap.apply`.
public struct CappedVotes: Sendable, Equatable {
    /// Votes within the cap, in their input order.
    public let kept: [RaterVote]
    /// Votes over the cap, per rater; every rater in the input appears, with 0 if nothing was dropped.
    public let dropped: [String: Int]

    /// All votes dropped.
    public var totalDropped: Int { dropped.values.reduce(0, +) }
}
