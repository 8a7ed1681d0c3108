/// Everything `arena leaderboard --pairs` shows: win-rate and battle-count matrices, and for each
/// pair of neighbours in the ranking whether their order is settled.
///
/// ```swift
/// let pairs = PairAnalysis(counts: counts, ratings: fit.ratings, bootstrap: boot)
/// pairs.winRates[i][j]        // share of decisive i–j battles won by i (nil: none yet)
/// pairs.neighbours[0]         // best vs second best: P(order right), settled, votes needed
/// ```
///
/// Neighbours follow `order` (models that played, best rating first). `probabilityOrderRight` is
/// the bootstrap share of rounds that keep the order; `votesNeeded` applies `StoppingRule` to the
/// point gap and the bootstrap standard error of the gap.
/// Traps: the win-rate matrix ignores ties and both-bad and is not adjusted for which opponents a
/// model met; the ratings are. Matrices are indexed by model index, not by rank.
public struct PairAnalysis: Sendable, Equatable {
    /// Models that played, best first.
    public let order: [Int]
    /// `[row][column]`: decisive battles won by row / decisive battles between them.
    public let winRates: [[Double?]]
    /// `[row][column]`: all battles between them (ties and both-bad included); symmetric.
    public let battleCounts: [[Int]]
    /// One per consecutive pair in `order`.
    public let neighbours: [NeighbourComparison]

    public init(counts: ComparisonCounts, ratings: [Double], bootstrap: BootstrapResult, level: Double = 0.95) {
        let n = counts.modelCount
        precondition(ratings.count == n && bootstrap.modelCount == n, "one rating per model")
        var rates = Array(repeating: [Double?](repeating: nil, count: n), count: n)
        var battles = Array(repeating: [Int](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let won = counts.wins(of: i, over: j), lost = counts.wins(of: j, over: i)
                rates[i][j] = won + lost > 0 ? Double(won) / Double(won + lost) : nil
                battles[i][j] = counts.battles(between: i, and: j)
            }
        }
        let records = (0..<n).map { counts.record(of: $0) }
        order = (0..<n).filter { records[$0].battles > 0 }
            .sorted { ratings[$0] != ratings[$1] ? ratings[$0] > ratings[$1] : $0 < $1 }
        winRates = rates
        battleCounts = battles
        neighbours = zip(order, order.dropFirst()).map { higher, lower in
            let gap = ratings[higher] - ratings[lower]
            let error = bootstrap.standardError(ofGapBetween: higher, and: lower)
            let probability = bootstrap.probability(higher, above: lower)
            let settled = probability >= level
            let votes = records[higher].battles + records[lower].battles - battles[higher][lower]
            let needed = settled
                ? 0
                : StoppingRule.votesNeeded(gap: gap, standardError: error, votes: votes, level: level).map { max($0, 1) }
            return NeighbourComparison(higher: higher, lower: lower, gap: gap, standardError: error,
                                       probabilityOrderRight: probability, isSettled: settled, votesNeeded: needed)
        }
    }
}

/// Two models adjacent in the ranking.
public struct NeighbourComparison: Sendable, Equatable {
    public let higher: Int
    public let lower: Int
    /// Rating of `higher` minus rating of `lower` (≥ 0).
    public let gap: Double
    /// Bootstrap standard deviation of the gap.
    public let standardError: Double
    /// Share of bootstrap rounds with `higher` above `lower`.
    public let probabilityOrderRight: Double
    /// `probabilityOrderRight ≥ level`.
    public let isSettled: Bool
    /// 0 when settled; otherwise more votes involving either model (≥ 1), or nil when the gap is 0.
    public let votesNeeded: Int?
}
