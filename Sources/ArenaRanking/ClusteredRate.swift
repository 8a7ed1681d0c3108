import Foundation

/// A rate (share of adequate marks, win rate with ties as half) from judgements that come in
/// clusters — several marks on one prompt (repeats, raters) — as evidence about the prompts, not
/// about the marks.
///
/// ```swift
/// let rate = ClusteredRate(judgements: marks.map { .init(cluster: $0.promptID, value: $0.adequate ? 1 : 0) },
///                          alpha: 0.05)
/// rate.estimate                 // mean of the per-prompt means
/// rate.interval                 // fixed-sample 95% interval (what a single look may quote)
/// rate.sequence.lower           // anytime-valid lower bound (what decisions use)
/// ```
///
/// Each cluster is reduced to the mean of its values; clusters keep the order of their first
/// judgement. The estimand is the mean over the prompt population the suite stands for, every
/// prompt weighted equally.
/// - **Fixed-sample interval**: Wilson's score interval at an effective sample size
///   `n_eff = p̂(1 − p̂) / (s²/G)` and Student's t quantile with `G − 1` degrees of freedom, with `s²` the variance of the `G` cluster means — the design
///   effect of the clustering, kept between 1 and the number of judgements (`G` when every cluster
///   mean is equal, as then nothing measures the spread). Independent marks give `n_eff ≈` the
///   number of marks; marks that always agree within a prompt give `n_eff ≈ G`.
/// - **Anytime-valid**: `BettingConfidenceSequence` over the cluster means.
///
/// Traps: with few prompts no number of repeats makes a rate certain: 20 prompts cannot show a
/// share above 0.9 at 97.5%, however many marks they get (add prompts). A cluster's mean changes
/// as it gets more marks; the betting sequence is recomputed from the current means at each look
/// (its error rate under that kind of monitoring is measured in `arena-bench stats`).
public struct ClusteredRate: Sendable, Equatable {
    public struct Judgement: Sendable, Equatable {
        public var cluster: String
        /// In [0, 1]: 1 adequate (or a win), 0.5 a tie, 0 inadequate (or a loss).
        public var value: Double
        public init(cluster: String, value: Double) {
            self.cluster = cluster
            self.value = value
        }
    }

    public let judgements: Int
    /// Cluster means in order of each cluster's first judgement.
    public let clusterMeans: [Double]
    public let estimate: Double
    /// Effective number of independent judgements behind `interval`.
    public let effectiveCount: Double
    /// Fixed-sample interval at `1 − alpha`.
    public let interval: ClosedRange<Double>
    public let sequence: BettingConfidenceSequence

    /// `judgements` in the order they were made.
    public init(judgements: [Judgement], alpha: Double = 0.05) {
        var order: [String] = []
        var sums: [String: (total: Double, count: Int)] = [:]
        for judgement in judgements {
            if sums[judgement.cluster] == nil { order.append(judgement.cluster) }
            sums[judgement.cluster, default: (0, 0)].total += judgement.value
            sums[judgement.cluster, default: (0, 0)].count += 1
        }
        self.init(clusterMeans: order.map { sums[$0]!.total / Double(sums[$0]!.count) },
                  judgements: judgements.count, alpha: alpha)
    }

    public init(clusterMeans: [Double], judgements: Int, alpha: Double = 0.05) {
        self.judgements = judgements
        self.clusterMeans = clusterMeans
        let g = Double(clusterMeans.count)
        let mean = clusterMeans.isEmpty ? 0 : clusterMeans.reduce(0, +) / g
        estimate = mean
        let spread = clusterMeans.count > 1
            ? clusterMeans.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (g - 1) : 0
        var effective = g
        if spread > 0 { effective = mean * (1 - mean) / (spread / g) }
        effectiveCount = clusterMeans.isEmpty ? 0 : min(max(effective, 1), Double(max(judgements, 1)))
        interval = Self.wilson(estimate: mean, count: effectiveCount, alpha: alpha, clusters: clusterMeans.count)
        sequence = BettingConfidenceSequence(values: clusterMeans, alpha: alpha)
    }

    /// Which side of `bar` the anytime-valid interval puts the rate on: `.above` when its lower
    /// bound is over the bar, `.below` when its upper bound is under it, else nil (undecided).
    /// Each claim is wrong with probability at most α/2, however often it is asked.
    public func side(of bar: Double) -> BarSide? {
        if sequence.excludes(below: bar) { return .above }
        if sequence.excludes(above: bar) { return .below }
        return nil
    }

    /// `side(of:)` for these cluster means without building the whole interval: two wealth
    /// computations instead of two bisections (what a search over hypothetical futures needs).
    public static func side(clusterMeans: [Double], bar: Double, alpha: Double) -> BarSide? {
        let threshold = log(2 / alpha)
        let bets = BettingConfidenceSequence.plugInBets(clusterMeans, alpha: alpha)
        if BettingConfidenceSequence.logWealth(clusterMeans, bets: bets, m: bar, above: true) >= threshold { return .above }
        if BettingConfidenceSequence.logWealth(clusterMeans, bets: bets, m: bar, above: false) >= threshold { return .below }
        return nil
    }

    /// Wilson's score interval with a real-valued sample size, and Student's t with `clusters − 1`
    /// degrees of freedom in place of the normal quantile (the spread is estimated from the clusters).
    static func wilson(estimate p: Double, count n: Double, alpha: Double, clusters: Int) -> ClosedRange<Double> {
        guard n > 0 else { return 0...1 }
        let z = StudentT.quantile(1 - alpha / 2, degreesOfFreedom: Double(max(clusters - 1, 1)))
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, centre - half)...min(1, centre + half)
    }
}

/// Where a rate stands against a bar.
public enum BarSide: Sendable, Equatable { case above, below }
