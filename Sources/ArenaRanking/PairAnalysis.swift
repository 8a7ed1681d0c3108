/// Everything `arena leaderboard --pairs` shows: win-rate and battle-count matrices, and for every
/// pair of models whether their order is settled — in a way that stays true however often the
/// user looks — and how many more votes would settle it.
///
/// ```swift
/// let pairs = PairAnalysis(counts: counts, ratings: fit.ratings, bootstrap: boot)
/// pairs.winRates[i][j]        // share of decisive i–j battles won by i (nil: none yet)
/// pairs.neighbours[0]         // best vs second best in the largest component
/// pairs.pairs                 // every pair, with `sameComponent`
/// ```
///
/// `order` lists the models that played, component by component (largest first), best rating
/// first inside each; neighbours are consecutive models of one component. Two numbers per pair,
/// never to be confused:
/// - `probabilityOrderRight`: the bootstrap share of rounds that keep the order — a fixed-sample
///   summary (what LMArena shows), which drifts towards "settled" if you keep looking;
/// - `isSettled`: `AnytimeOrder` on the gap and its model-based standard error (`GapCovariance`):
///   wrong with probability at most α however often it is asked. `votesNeeded` is its 80%-power
///   estimate with a likely range. Rankings of 3+ seats pass their own gaps
///   (`PlackettLuceFit.gapCovariance()`): the pairs a ranking orders are not independent, so
///   Bradley–Terry's information on them would make the error too small and settle too early.
/// Across components nothing is claimed: `sameComponent` is false, the gap and its error are nil,
/// nothing is settled and no number of votes is given (only a battle between the groups helps).
/// Traps: the win-rate matrix ignores ties and both-bad and is not adjusted for which opponents a
/// model met; the ratings are. Matrices are indexed by model index, not by rank.
public struct PairAnalysis: Sendable, Equatable {
    /// Models that played, by component, best first.
    public let order: [Int]
    /// `[row][column]`: decisive battles won by row / decisive battles between them.
    public let winRates: [[Double?]]
    /// `[row][column]`: all battles between them (ties and both-bad included); symmetric.
    public let battleCounts: [[Int]]
    /// Every unordered pair of `order`, the higher-rated first.
    public let pairs: [PairComparison]
    /// Consecutive pairs of `order` inside one component.
    public let neighbours: [PairComparison]
    public let graph: ComparisonGraph

    /// `gaps`: the model-based gap errors of the fit behind `ratings` when it is not Bradley–Terry
    /// on `counts` (Plackett–Luce); nil computes Bradley–Terry's from `counts`.
    public init(counts: ComparisonCounts, ratings: [Double], bootstrap: BootstrapResult,
                gaps: InformationGapCovariance? = nil, rule: AnytimeOrder = .init()) {
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
        let graph = ComparisonGraph(counts)
        self.graph = graph
        let covariance = gaps ?? (try? GapCovariance(counts: counts, ratings: ratings))?.gaps
        let records = (0..<n).map { counts.record(of: $0) }
        let order = (0..<n).filter { graph.component[$0] != nil }.sorted { a, b in
            let (ca, cb) = (graph.component[a]!, graph.component[b]!)
            if ca != cb { return ca < cb }
            return ratings[a] != ratings[b] ? ratings[a] > ratings[b] : a < b
        }
        self.order = order
        winRates = rates
        battleCounts = battles
        func compare(_ higher: Int, _ lower: Int) -> PairComparison {
            let votes = records[higher].battles + records[lower].battles - battles[higher][lower]
            guard graph.sameComponent(higher, lower), let error = covariance?.standardError(between: higher, and: lower) else {
                return PairComparison(higher: higher, lower: lower, sameComponent: false, gap: nil, standardError: nil,
                                      probabilityOrderRight: nil, isSettled: false, votesNeeded: nil, votes: votes)
            }
            let gap = ratings[higher] - ratings[lower]
            return PairComparison(higher: higher, lower: lower, sameComponent: true, gap: gap, standardError: error,
                                  probabilityOrderRight: bootstrap.probability(higher, above: lower),
                                  isSettled: rule.isSettled(gapPoints: gap, standardError: error),
                                  votesNeeded: rule.votesNeeded(gapPoints: gap, standardError: error, votes: votes), votes: votes)
        }
        var all: [PairComparison] = []
        for (index, higher) in order.enumerated() {
            for lower in order[(index + 1)...] { all.append(compare(higher, lower)) }
        }
        pairs = all
        // Consecutive in `order`, so each neighbour pair is already in `all`: look it up.
        let byPair = Dictionary(uniqueKeysWithValues: all.map { ([$0.higher, $0.lower], $0) })
        neighbours = zip(order, order.dropFirst()).filter { graph.sameComponent($0, $1) }.compactMap { byPair[[$0, $1]] }
    }
}

/// Two models, the higher-rated (or earlier in `order`) first.
public struct PairComparison: Sendable, Equatable {
    public let higher: Int
    public let lower: Int
    /// A chain of battles links them: their ratings are comparable.
    public let sameComponent: Bool
    /// Rating of `higher` minus rating of `lower` (≥ 0); nil across components.
    public let gap: Double?
    /// Model-based standard error of the gap, in logits; nil across components.
    public let standardError: Double?
    /// Share of bootstrap rounds with `higher` above `lower` (fixed-sample); nil across components.
    public let probabilityOrderRight: Double?
    /// The anytime-valid rule says `higher` is better.
    public let isSettled: Bool
    /// More votes involving either model for the rule to settle it with 80% power; nil when no
    /// number settles it (a gap of 0, or across components).
    public let votesNeeded: AnytimeOrder.VotesNeeded?
    /// Votes involving either model so far.
    public let votes: Int
}
