/// Leaderboard rows: rank with ties in uncertainty, rating, interval and record per model.
///
/// ```swift
/// let fit = try BradleyTerry.fit(counts)
/// let boot = try Bootstrap.ratings(counts, rounds: 1000, seed: seed)
/// let rows = Leaderboard.rows(ratings: fit.ratings, intervals: boot.intervals(),
///                             counts: counts, flags: fit.flags)
/// ```
///
/// `rank(i) = 1 + #{j : lower(j) > upper(i)}`: a model shares a rank with every model whose
/// interval overlaps its own from above, so ranks can repeat and skip (1, 1, 3 …).
/// Traps: models that never played are left out (and do not count in anyone's rank); rows are
/// sorted by rating, best first, ties by model index.
public enum Leaderboard {
    public static func rows(ratings: [Double], intervals: [ClosedRange<Double>], counts: ComparisonCounts,
                            flags: [RatingFlags] = []) -> [LeaderboardRow] {
        precondition(ratings.count == counts.modelCount && intervals.count == counts.modelCount,
                     "one rating and one interval per model")
        let records = (0..<counts.modelCount).map { counts.record(of: $0) }
        let listed = (0..<counts.modelCount).filter { records[$0].battles > 0 }
        let ranks = Self.ranks(intervals: listed.map { intervals[$0] })
        return zip(listed, ranks)
            .map { model, rank in
                LeaderboardRow(rank: rank, model: model, rating: ratings[model], interval: intervals[model],
                               record: records[model], flags: model < flags.count ? flags[model] : [])
            }
            .sorted { $0.rating != $1.rating ? $0.rating > $1.rating : $0.model < $1.model }
    }

    /// `1 + #{j : lower(j) > upper(i)}` for each interval.
    public static func ranks(intervals: [ClosedRange<Double>]) -> [Int] {
        intervals.map { mine in 1 + intervals.filter { $0.lowerBound > mine.upperBound }.count }
    }
}

/// One line of the leaderboard.
public struct LeaderboardRow: Sendable, Equatable {
    public let rank: Int
    public let model: Int
    public let rating: Double
    /// Bootstrap interval (95% unless the caller chose otherwise).
    public let interval: ClosedRange<Double>
    public let record: ModelRecord
    public let flags: RatingFlags
}
