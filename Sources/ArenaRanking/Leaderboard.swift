/// Leaderboard rows: rank with ties in uncertainty, rating, interval and record per model, one
/// block per comparison component.
///
/// ```swift
/// let fit = try BradleyTerry.fit(counts)
/// let boot = try Bootstrap.ratings(counts, rounds: 1000, seed: seed)
/// let rows = Leaderboard.rows(ratings: fit.ratings, intervals: boot.intervals(),
///                             counts: counts, flags: fit.flags)
/// rows.filter { $0.component == 0 }      // the largest group of models that met, best first
/// ```
///
/// Rows are grouped by `ComparisonGraph` component (0, the largest, first), and within a block
/// sorted by rating, best first, ties by model index. Ranks are given within a block only: two
/// models that never met, directly or through others, are not ranked against each other, so every
/// block starts again at 1. Inside a block, with rows in that order:
/// - raw rank `r(i) = 1 + #{j in the block : lower(j) > upper(i)}` (`ranks(intervals:)`): a model
///   shares a rank with every model whose interval overlaps its own from above, so ranks repeat
///   and skip (1, 1, 3 …);
/// - shown rank = max(r(i), rank of the row above): ranks never improve down the table. The raw
///   rank alone can (a wide interval low in the table overlaps more models than a narrow one
///   above it, e.g. raw 1, 2, 1); the lower row then takes the rank of the row above.
/// Models with fewer than `minimumComparisons` comparisons are listed but not ranked, and do not
/// count in anyone's rank.
/// Traps: models that never played are left out (and do not count in anyone's rank); a rank is
/// only comparable with ranks of the same `component`; a smaller component's block can sit below
/// models it would beat — the order between blocks is by size, not by strength.
public enum Leaderboard {
    /// Fewer comparisons than this and a model shows "too few votes": no interval, no rank (a
    /// bootstrap of a handful of votes can have zero width and look certain).
    public static let minimumComparisons = 10

    public static func rows(ratings: [Double], intervals: [ClosedRange<Double>], counts: ComparisonCounts,
                            flags: [RatingFlags] = [], minimumComparisons: Int = minimumComparisons) -> [LeaderboardRow] {
        precondition(ratings.count == counts.modelCount && intervals.count == counts.modelCount,
                     "one rating and one interval per model")
        let graph = ComparisonGraph(counts)
        var rows: [LeaderboardRow] = []
        for component in 0..<graph.componentCount {
            let members = graph.members(of: component)
                .sorted { ratings[$0] != ratings[$1] ? ratings[$0] > ratings[$1] : $0 < $1 }
            // Models with too few comparisons get no rank and do not push anyone else's down.
            let ranked = members.filter { counts.record(of: $0).battles >= minimumComparisons }
            let rawRanks = Dictionary(uniqueKeysWithValues: zip(ranked, Self.ranks(intervals: ranked.map { intervals[$0] })))
            var highest = 1
            let ranks = members.map { model -> Int in
                if let raw = rawRanks[model] { highest = max(highest, raw) }
                return highest
            }
            for (model, rank) in zip(members, ranks) {
                rows.append(LeaderboardRow(rank: rank, model: model, rating: ratings[model], interval: intervals[model],
                                           record: counts.record(of: model),
                                           flags: model < flags.count ? flags[model] : [], component: component,
                                           hasTooFewVotes: rawRanks[model] == nil))
            }
        }
        return rows
    }

    /// Raw ranks, `1 + #{j : lower(j) > upper(i)}` for each interval, in the given order; not
    /// monotone (see `monotone(_:)`).
    public static func ranks(intervals: [ClosedRange<Double>]) -> [Int] {
        intervals.map { mine in 1 + intervals.filter { $0.lowerBound > mine.upperBound }.count }
    }

    /// Each rank raised to the one before it: `[1, 2, 1, 4]` → `[1, 2, 2, 4]`. Ranks must be in
    /// table order (best rating first).
    public static func monotone(_ ranks: [Int]) -> [Int] {
        var highest = 0
        return ranks.map { rank in
            highest = max(highest, rank)
            return highest
        }
    }
}

/// One line of the leaderboard.
public struct LeaderboardRow: Sendable, Equatable {
    /// Rank within `component` (see `Leaderboard`): 1 is the best, ties share, never better than
    /// the row above. Not to be shown when `hasTooFewVotes` (it is then the rank of the row above).
    public let rank: Int
    public let model: Int
    public let rating: Double
    /// Bootstrap interval (95% unless the caller chose otherwise).
    public let interval: ClosedRange<Double>
    public let record: ModelRecord
    public let flags: RatingFlags
    /// The model's `ComparisonGraph` component: 0 is the largest group of models linked by
    /// battles. Ranks and ratings compare only within one component.
    public let component: Int

    /// Fewer comparisons than `Leaderboard.rows` was asked for: show "too few votes", not an
    /// interval or rank.
    public let hasTooFewVotes: Bool

    init(rank: Int, model: Int, rating: Double, interval: ClosedRange<Double>, record: ModelRecord,
         flags: RatingFlags, component: Int = 0, hasTooFewVotes: Bool = false) {
        self.hasTooFewVotes = hasTooFewVotes
        self.rank = rank
        self.model = model
        self.rating = rating
        self.interval = interval
        self.record = record
        self.flags = flags
        self.component = component
    }
}
