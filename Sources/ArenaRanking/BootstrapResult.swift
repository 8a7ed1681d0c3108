/// Ratings refitted on resampled data, one vector per round: intervals, order probabilities and
/// standard errors all come from here.
///
/// ```swift
/// let boot = try Bootstrap.ratings(counts, rounds: 1000, seed: 7)
/// boot.interval(for: 3)                    // 95% percentile interval of model 3
/// boot.probability(3, above: 5)            // share of rounds with r₃ > r₅
/// ```
///
/// Traps: replicates are anchored the same way as the point fit, so with `.model` anchoring the
/// pinned model's interval has zero width. Intervals are percentile intervals (numpy's default
/// linear interpolation); they need a few hundred rounds to be stable at 95%.
public struct BootstrapResult: Sendable, Equatable {
    public let modelCount: Int
    public let rounds: Int
    /// Row-major `rounds × modelCount` anchored ratings.
    public let replicates: [Double]

    public init(modelCount: Int, rounds: Int, replicates: [Double]) {
        precondition(replicates.count == modelCount * rounds, "replicates must be rounds × modelCount")
        self.modelCount = modelCount
        self.rounds = rounds
        self.replicates = replicates
    }

    /// All models' ratings in one round.
    public func replicate(_ round: Int) -> ArraySlice<Double> {
        replicates[(round * modelCount)..<((round + 1) * modelCount)]
    }

    /// One model's rating in every round.
    public func values(for model: Int) -> [Double] {
        (0..<rounds).map { replicates[$0 * modelCount + model] }
    }

    /// Central percentile interval at `level` (0.95 → 2.5% and 97.5% quantiles).
    public func interval(for model: Int, level: Double = 0.95) -> ClosedRange<Double> {
        let sorted = values(for: model).sorted()
        let tail = (1 - level) / 2
        return Self.quantile(sorted, tail)...Self.quantile(sorted, 1 - tail)
    }

    public func intervals(level: Double = 0.95) -> [ClosedRange<Double>] {
        (0..<modelCount).map { interval(for: $0, level: level) }
    }

    /// Share of rounds in which model `i` is rated above model `j` (equal counts half).
    public func probability(_ i: Int, above j: Int) -> Double {
        guard rounds > 0 else { return 0.5 }
        var score = 0.0
        for r in 0..<rounds {
            let a = replicates[r * modelCount + i], b = replicates[r * modelCount + j]
            score += a > b ? 1 : (a == b ? 0.5 : 0)
        }
        return score / Double(rounds)
    }

    /// Standard deviation over rounds of `rᵢ − rⱼ`.
    public func standardError(ofGapBetween i: Int, and j: Int) -> Double {
        guard rounds > 1 else { return 0 }
        let gaps = (0..<rounds).map { replicates[$0 * modelCount + i] - replicates[$0 * modelCount + j] }
        let mean = gaps.reduce(0, +) / Double(rounds)
        let squares = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(rounds - 1)).squareRoot()
    }

    /// numpy's default ("linear", type 7) quantile of sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard let first = sorted.first else { return .nan }
        let h = Double(sorted.count - 1) * q
        let lower = Int(h.rounded(.down))
        guard lower + 1 < sorted.count else { return sorted[sorted.count - 1] }
        guard lower >= 0 else { return first }
        return sorted[lower] + (h - Double(lower)) * (sorted[lower + 1] - sorted[lower])
    }
}
